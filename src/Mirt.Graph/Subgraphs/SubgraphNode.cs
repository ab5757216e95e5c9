using Mirt.Graph.Building;
using Mirt.Graph.Execution;

namespace Mirt.Graph.Subgraphs;

/// <summary>
/// Marks a node that runs a whole compiled graph; the runner recognises it and runs the graph in its own checkpoint
/// namespace (see <see cref="SubgraphNamespace"/>).
/// </summary>
/// <param name="graph">The graph to run.</param>
internal sealed class SubgraphNode(ConversationGraph graph) : INode
{
    /// <summary>Gets the graph to run.</summary>
    public ConversationGraph Graph { get; } = graph;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">Always: only <see cref="GraphRunner"/> can run a subgraph.</exception>
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"The node '{context.Node}' is a subgraph; only GraphRunner can run it, because it needs its own checkpoint namespace.");
}
