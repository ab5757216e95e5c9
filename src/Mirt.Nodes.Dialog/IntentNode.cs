using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Rules.Intents;

namespace Mirt.Nodes.Dialog;

/// <summary>
/// Detects the intent of this turn's message with the rules; the sales router then picks the node.
/// </summary>
public sealed class IntentNode : INode
{
    /// <inheritdoc />
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var match = IntentDetector.Default.Detect(context.Text(), context.Message().HasImage);
        return ValueTask.FromResult(NodeResult.Continue(SalesKeys.Intent.Set(match.Intent.Value)));
    }
}
