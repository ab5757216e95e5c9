using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Rules.Domain;

namespace Mirt.Nodes.Dialog;

/// <summary>
/// Hands a complaint (defect, refund, deception) to a human manager and tells the customer so (see DOMAIN.md).
/// </summary>
public sealed class ComplaintNode : INode
{
    /// <inheritdoc />
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(NodeResult.Continue(
        [
            .. context.Say(DialogTemplates.ComplaintReceived, NoModel.Instance),
            .. context.HandOff(ConversationState.Complaint, "COMPLAINT"),
        ]));
    }
}
