using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Replies;

namespace Mirt.Nodes.Dialog;

/// <summary>
/// Answers while a human manager holds the conversation, without selling or repeating the last reply.
/// </summary>
public sealed class HandoffNode : INode
{
    /// <inheritdoc />
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(NodeResult.Continue(context.Say(DialogTemplates.HandoffWaiting, NoModel.Instance)));
    }
}
