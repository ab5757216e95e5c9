using Mirt.Graph.Execution;
using Mirt.Graph.Policies;
using Mirt.Graph.State;
using Mirt.Graph.Subgraphs;

namespace Mirt.Graph.Building;

/// <content>Answers the runner's questions about nodes: policies, subgraphs and migrations.</content>
public sealed partial class ConversationGraph
{
    /// <summary>Tells whether the graph has a node of this name.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when the node exists.</returns>
    public bool Contains(NodeName name) => _nodes.ContainsKey(name);

    /// <summary>Gets the retry and timeout policy of a node.</summary>
    /// <param name="name">The node.</param>
    /// <returns>The policy, or <see langword="null"/> when the node has none.</returns>
    public NodePolicy? GetPolicy(NodeName name) => _policies.GetValueOrDefault(name);

    /// <summary>Gets the graph a subgraph node runs.</summary>
    /// <param name="name">The node.</param>
    /// <returns>The subgraph, or <see langword="null"/> when the node is a plain node.</returns>
    public ConversationGraph? GetSubgraph(NodeName name) => _nodes.GetValueOrDefault(name) is SubgraphNode subgraph ? subgraph.Graph : null;

    /// <summary>Gets the migration of state written by graph version <paramref name="fromVersion"/> to the next version.</summary>
    /// <param name="fromVersion">The older version.</param>
    /// <returns>The migration, or <see langword="null"/> when none was registered.</returns>
    internal Func<GraphState, GraphState>? GetMigration(int fromVersion) => _migrations.GetValueOrDefault(fromVersion);
}
