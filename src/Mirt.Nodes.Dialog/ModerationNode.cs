using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Abstractions.State;
using Mirt.Rules.Domain;
using Mirt.Rules.Moderation;

namespace Mirt.Nodes.Dialog;

/// <summary>
/// Stops prompt injection and forbidden topics before anything else runs (see DOMAIN.md, Moderation): the customer
/// gets a polite steer back, nothing internal, and a manager is notified.
/// </summary>
public sealed class ModerationNode : INode
{
    /// <inheritdoc />
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var verdict = ModerationGate.Default.Check(context.Text());
        if (!verdict.IsBlocked)
        {
            return ValueTask.FromResult(NodeResult.Continue());
        }

        // A conversation held by a human for a complaint stays held; only the answer changes.
        var held = context.Get(SalesKeys.State) == ConversationState.Complaint.Value;
        var reason = verdict.Category == ModerationCategory.Injection ? "MODERATION_INJECTION" : "MODERATION_FORBIDDEN_TOPIC";
        return ValueTask.FromResult(NodeResult.Route(
            SalesNodes.Reply,
            [
                SalesKeys.Intent.Set(Intent.OutOfDomain.Value),
                SalesKeys.State.Set(held ? ConversationState.Complaint.Value : ConversationState.OutOfDomain.Value),
                SalesKeys.Escalation.Set(new Escalation(Escalation.Notify, reason)),
                .. context.Say(DialogTemplates.ModerationBlock, NoModel.Instance),
            ]));
    }
}
