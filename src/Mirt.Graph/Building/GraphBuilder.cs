using Mirt.Graph.Execution;
using Mirt.Graph.State;

namespace Mirt.Graph.Building;

/// <summary>
/// Collects nodes, edges and state keys, then builds an immutable <see cref="ConversationGraph"/>.
/// </summary>
/// <remarks>Not thread-safe; build once at start-up. After <see cref="Build"/> every edit throws.</remarks>
public sealed class GraphBuilder
{
    private readonly Dictionary<NodeName, INode> _nodes = [];
    private readonly List<NodeName> _order = [];
    private readonly Dictionary<NodeName, Edge> _edges = [];
    private readonly List<StateKey> _keys = [];
    private NodeName? _entry;
    private int _version = 1;
    private bool _built;

    /// <summary>Adds a node.</summary>
    /// <param name="name">The node's unique name.</param>
    /// <param name="node">The implementation.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The name is taken or reserved.</exception>
    /// <exception cref="InvalidOperationException">The graph was already built.</exception>
    public GraphBuilder AddNode(NodeName name, INode node)
    {
        EnsureEditable();
        ArgumentNullException.ThrowIfNull(node);
        ArgumentException.ThrowIfNullOrWhiteSpace(name.Value, nameof(name));
        if (name.IsEnd || !_nodes.TryAdd(name, node))
        {
            throw new ArgumentException($"A node named '{name}' already exists or the name is reserved; pick another name.", nameof(name));
        }

        _order.Add(name);
        return this;
    }

    /// <summary>Adds a fixed edge: after <paramref name="from"/> runs, <paramref name="to"/> runs.</summary>
    /// <param name="from">The node the edge leaves.</param>
    /// <param name="to">The next node, or <see cref="NodeName.End"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">The node already has an edge, or the graph was built.</exception>
    public GraphBuilder AddEdge(NodeName from, NodeName to) => SetEdge(new Edge(from, [to], null));

    /// <summary>Adds a conditional edge: after <paramref name="from"/> runs, <paramref name="router"/> picks the next node.</summary>
    /// <param name="from">The node the edge leaves.</param>
    /// <param name="router">Picks one of <paramref name="targets"/> from the state.</param>
    /// <param name="targets">Every node the router may return; also the targets a node's <see cref="NodeResult.Goto"/> may name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">The node already has an edge, or the graph was built.</exception>
    public GraphBuilder AddConditionalEdges(NodeName from, Func<GraphState, NodeName> router, params NodeName[] targets)
    {
        ArgumentNullException.ThrowIfNull(router);
        return SetEdge(new Edge(from, targets, router));
    }

    /// <summary>Sets the node every turn starts at.</summary>
    /// <param name="entry">The entry node.</param>
    /// <returns>This builder.</returns>
    public GraphBuilder SetEntry(NodeName entry)
    {
        EnsureEditable();
        _entry = entry;
        return this;
    }

    /// <summary>Declares state channels the graph stores.</summary>
    /// <param name="keys">The keys.</param>
    /// <returns>This builder.</returns>
    public GraphBuilder AddState(params StateKey[] keys)
    {
        EnsureEditable();
        _keys.AddRange(keys);
        return this;
    }

    /// <summary>Sets the graph version stored in every checkpoint.</summary>
    /// <param name="version">A positive number; raise it when a change needs stored conversations migrated.</param>
    /// <returns>This builder.</returns>
    /// <remarks><value>The default is 1.</value></remarks>
    public GraphBuilder WithVersion(int version)
    {
        EnsureEditable();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        _version = version;
        return this;
    }

    /// <summary>Validates everything once and returns the immutable graph.</summary>
    /// <returns>The graph.</returns>
    /// <exception cref="InvalidOperationException">The graph is incomplete; the message lists every problem.</exception>
    public ConversationGraph Build()
    {
        EnsureEditable();
        var problems = GraphValidator.Validate(_entry, _order, _edges);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The graph cannot be built: " + string.Join(" ", problems));
        }

        _built = true;
        var nodes = _order.Select(n => (n, _nodes[n])).ToList();
        return new ConversationGraph(_entry!.Value, nodes, _edges.Values.ToList(), new StateSchema(_keys), _version);
    }

    private GraphBuilder SetEdge(Edge edge)
    {
        EnsureEditable();
        if (!_edges.TryAdd(edge.From, edge))
        {
            throw new InvalidOperationException($"The node '{edge.From}' already has an edge; use one conditional edge to branch.");
        }

        return this;
    }

    private void EnsureEditable()
    {
        if (_built)
        {
            throw new InvalidOperationException("The graph was already built; create a new GraphBuilder to change it.");
        }
    }
}
