using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Rules.Domain;

namespace Mirt.Nodes.Vision;

/// <summary>
/// Answers a product photo. Recognising it needs a vision model; without one (degraded mode) the customer is told
/// availability is being checked and a manager is alerted (see DOMAIN.md, Escalation). Payment-phase images never
/// come here: the router sends them to payment as proof candidates.
/// </summary>
public sealed class VisionNode : INode
{
    /// <inheritdoc />
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(NodeResult.Continue(
        [
            .. context.Say(VisionTemplates.CheckingAvailability, NoModel.Instance),
            .. context.HandOff(ConversationState.Vision, "PHOTO_NEEDS_MANAGER"),
        ]));
    }
}
