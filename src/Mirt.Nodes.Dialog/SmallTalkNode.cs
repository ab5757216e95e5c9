using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Rules.Domain;

namespace Mirt.Nodes.Dialog;

/// <summary>
/// Answers thanks and goodbyes: closes the conversation politely, or keeps a purchase under way open.
/// </summary>
public sealed class SmallTalkNode : INode
{
    /// <inheritdoc />
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var phase = context.Phase();
        var saleInProgress = phase != DialogPhase.New && phase != DialogPhase.WaitingForNeeds
            && phase != DialogPhase.Completed && phase != DialogPhase.Escalated;
        var progress = saleInProgress ? [] : context.MoveTo(ConversationState.End, DialogPhase.Completed);
        return ValueTask.FromResult(NodeResult.Continue(
            [.. context.Say(DialogTemplates.Thanks, new SmallTalkModel(saleInProgress)), .. progress]));
    }
}
