using Mirt.Graph.Execution;
using Mirt.Graph.Policies;
using Mirt.Graph.State;

namespace Mirt.Graph.Building;

/// <summary>
/// Holds a built, validated graph: named nodes, their edges, the state schema and the graph version.
/// </summary>
/// <remarks>Immutable and thread-safe; run it with a <see cref="Execution.GraphRunner"/>.</remarks>
public sealed partial class ConversationGraph
{
    private readonly Dictionary<NodeName, INode> _nodes;
    private readonly Dictionary<NodeName, Edge> _edges;
    private readonly Dictionary<NodeName, NodePolicy> _policies;
    private readonly Dictionary<int, Func<GraphState, GraphState>> _migrations;

    internal ConversationGraph(
        NodeName entry,
        IReadOnlyList<(NodeName Name, INode Node)> nodes,
        IReadOnlyList<Edge> edges,
        StateSchema schema,
        int version,
        IReadOnlyDictionary<NodeName, NodePolicy> policies,
        IReadOnlyDictionary<int, Func<GraphState, GraphState>> migrations)
    {
        Entry = entry;
        NodeNames = nodes.Select(n => n.Name).ToArray();
        _nodes = nodes.ToDictionary(n => n.Name, n => n.Node);
        _edges = edges.ToDictionary(e => e.From);
        _policies = new Dictionary<NodeName, NodePolicy>(policies);
        _migrations = new Dictionary<int, Func<GraphState, GraphState>>(migrations);
        Edges = NodeNames.Select(n => _edges[n]).ToArray();
        Schema = schema;
        Version = version;
    }

    /// <summary>Gets the node every turn starts at.</summary>
    public NodeName Entry { get; }

    /// <summary>Gets the node names in the order they were added.</summary>
    public IReadOnlyList<NodeName> NodeNames { get; }

    /// <summary>Gets one edge per node, in node order.</summary>
    public IReadOnlyList<Edge> Edges { get; }

    /// <summary>Gets the state channels the graph stores.</summary>
    public StateSchema Schema { get; }

    /// <summary>Gets the graph version stored in every checkpoint.</summary>
    public int Version { get; }

    internal INode GetNode(NodeName name) => _nodes[name];

    internal Edge GetEdge(NodeName name) => _edges[name];
}
