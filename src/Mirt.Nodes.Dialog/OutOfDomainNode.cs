using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Abstractions.State;
using Mirt.Rules.Domain;

namespace Mirt.Nodes.Dialog;

/// <summary>
/// Steers an out-of-domain message (politics, other shops) politely back to the shop; the phase stays, so the
/// next message resumes the purchase where it was.
/// </summary>
public sealed class OutOfDomainNode : INode
{
    /// <inheritdoc />
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(NodeResult.Continue(
            [.. context.Say(DialogTemplates.SteerBack, NoModel.Instance), SalesKeys.State.Set(ConversationState.OutOfDomain.Value)]));
    }
}
