using Mirt.Graph.Execution;
using Mirt.Graph.Policies;
using Mirt.Graph.State;
using Mirt.Graph.Subgraphs;

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
    private readonly Dictionary<NodeName, NodePolicy> _policies = [];
    private readonly Dictionary<int, Func<GraphState, GraphState>> _migrations = [];
    private NodeName? _entry;
    private int _version = 1;
    private bool _built;

    /// <summary>Adds a node, optionally with a retry and timeout policy.</summary>
    /// <param name="name">The node's unique name.</param>
    /// <param name="node">The implementation.</param>
    /// <param name="policy">How the node is retried and how long one attempt may take; <see langword="null"/> runs it
    /// once without a time limit.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The name is taken or reserved, or the policy is invalid.</exception>
    /// <exception cref="InvalidOperationException">The graph was already built.</exception>
    public GraphBuilder AddNode(NodeName name, INode node, NodePolicy? policy = null)
    {
        EnsureEditable();
        ArgumentNullException.ThrowIfNull(node);
        ArgumentException.ThrowIfNullOrWhiteSpace(name.Value, nameof(name));
        policy?.Validate(name);
        if (name.IsEnd || !_nodes.TryAdd(name, node))
        {
            throw new ArgumentException($"A node named '{name}' already exists or the name is reserved; pick another name.", nameof(name));
        }

        if (policy is not null)
        {
            _policies.Add(name, policy);
        }

        _order.Add(name);
        return this;
    }

    /// <summary>Adds a node written as a function, for small steps that need no class of their own.</summary>
    /// <param name="name">The node's unique name.</param>
    /// <param name="run">Reads the step's context and returns its writes and optional route.</param>
    /// <param name="policy">How the node is retried and how long one attempt may take; <see langword="null"/> runs it once.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The name is taken or reserved, or the policy is invalid.</exception>
    /// <exception cref="InvalidOperationException">The graph was already built.</exception>
    public GraphBuilder AddNode(NodeName name, Func<NodeContext, CancellationToken, ValueTask<NodeResult>> run, NodePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return AddNode(name, new FunctionNode(run), policy);
    }

    /// <summary>Adds a node written as a synchronous function.</summary>
    /// <param name="name">The node's unique name.</param>
    /// <param name="run">Reads the step's context and returns its writes and optional route.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The name is taken or reserved.</exception>
    /// <exception cref="InvalidOperationException">The graph was already built.</exception>
    public GraphBuilder AddNode(NodeName name, Func<NodeContext, NodeResult> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return AddNode(name, new FunctionNode((context, _) => ValueTask.FromResult(run(context))));
    }

    /// <summary>
    /// Adds a node that runs a whole built graph in its own checkpoint namespace (see <see cref="SubgraphNamespace"/>).
    /// </summary>
    /// <param name="name">The node's unique name; it must not contain <c>:</c> or <c>|</c>, which build namespaces.</param>
    /// <param name="subgraph">The graph to run, from its entry until its edges reach <see cref="NodeName.End"/>.</param>
    /// <returns>This builder.</returns>
    /// <remarks>
    /// The subgraph reads the parent's values of the channels both graphs declare (the shared channels, which must have
    /// the same value type) and returns, as writes to the parent, the shared channels whose value it changed. Channels
    /// only the subgraph declares start at their defaults on every run and stay in its namespace. Its nodes' policies
    /// apply inside it; an interrupt inside it pauses the parent too, and resuming the parent resumes the subgraph.
    /// </remarks>
    /// <exception cref="ArgumentException">The name is taken, reserved or contains <c>:</c> or <c>|</c>.</exception>
    /// <exception cref="InvalidOperationException">The graph was already built.</exception>
    public GraphBuilder AddSubgraph(NodeName name, ConversationGraph subgraph)
    {
        ArgumentNullException.ThrowIfNull(subgraph);
        if (name.Value is { } value && (value.Contains(SubgraphNamespace.TaskSeparator, StringComparison.Ordinal) || value.Contains(SubgraphNamespace.Separator, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"The subgraph node '{name}' contains '{SubgraphNamespace.TaskSeparator}' or '{SubgraphNamespace.Separator}', which separate checkpoint namespaces; rename it.", nameof(name));
        }

        return AddNode(name, new SubgraphNode(subgraph));
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

    /// <summary>
    /// Registers how to migrate state written by graph version <paramref name="fromVersion"/> to version
    /// <paramref name="fromVersion"/> + 1. When the runner loads a checkpoint of an older version it applies the
    /// migrations in order up to the graph's version; a missing step fails with
    /// <see cref="Migrations.GraphMigrationException"/> naming both versions.
    /// </summary>
    /// <param name="fromVersion">The older version, from 1 up to the graph's version minus one (checked by <see cref="Build"/>).</param>
    /// <param name="migration">Returns the migrated state. It receives the stored state decoded with the new schema, so
    /// channels the new schema dropped are gone already; it may write, overwrite or reset channels.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromVersion"/> is not positive.</exception>
    /// <exception cref="ArgumentException">A migration from this version is registered already.</exception>
    /// <exception cref="InvalidOperationException">The graph was already built.</exception>
    public GraphBuilder WithMigration(int fromVersion, Func<GraphState, GraphState> migration)
    {
        EnsureEditable();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromVersion);
        ArgumentNullException.ThrowIfNull(migration);
        if (!_migrations.TryAdd(fromVersion, migration))
        {
            throw new ArgumentException($"A migration from graph version {fromVersion} is registered already; register one migration per version step.", nameof(fromVersion));
        }

        return this;
    }

    /// <summary>Validates everything once and returns the immutable graph.</summary>
    /// <returns>The graph.</returns>
    /// <exception cref="InvalidOperationException">The graph is incomplete; the message lists every problem.</exception>
    public ConversationGraph Build()
    {
        EnsureEditable();
        var problems = GraphValidator.Validate(_entry, _order, _edges);
        var schema = new StateSchema(_keys);
        problems.AddRange(_migrations.Keys.Where(v => v >= _version).Select(v =>
            $"The migration from version {v} is not below the graph's version {_version}; raise WithVersion or drop the migration."));
        problems.AddRange(_nodes
            .Where(n => n.Value is SubgraphNode)
            .SelectMany(n => SubgraphState.Problems(n.Key.Value, schema, ((SubgraphNode)n.Value).Graph)));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The graph cannot be built: " + string.Join(" ", problems));
        }

        _built = true;
        var nodes = _order.Select(n => (n, _nodes[n])).ToList();
        return new ConversationGraph(_entry!.Value, nodes, _edges.Values.ToList(), schema, _version, _policies, _migrations);
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

    /// <summary>Adapts a function to <see cref="INode"/>.</summary>
    private sealed class FunctionNode(Func<NodeContext, CancellationToken, ValueTask<NodeResult>> run) : INode
    {
        public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken) => run(context, cancellationToken);
    }
}
