using Mirt.Graph.Building;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.State;
using Mirt.Graph.Time;

namespace Mirt.Graph.Execution;

/// <summary>
/// Runs turns of a <see cref="ConversationGraph"/> and writes a checkpoint after the input and after every node step.
/// </summary>
/// <remarks>
/// One turn applies one customer message to the thread's latest state, runs from the entry node until an edge
/// reaches <see cref="NodeName.End"/>, and leaves the bot waiting. Turns of one thread are serialised inside the
/// process; different threads run in parallel. Thread-safe.
/// </remarks>
public sealed partial class GraphRunner
{
    private static readonly IServiceProvider NoServices = new EmptyServiceProvider();
    private readonly ConversationGraph _graph;
    private readonly ICheckpointSaver _saver;
    private readonly GraphRunnerOptions _options;
    private readonly IIdGenerator _ids;
    private readonly ThreadGate _gate = new();

    /// <summary>Creates a runner.</summary>
    /// <param name="graph">The graph to run.</param>
    /// <param name="saver">Where checkpoints go.</param>
    /// <param name="options">Limits, clock and services; <see langword="null"/> for defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="saver"/> is <see langword="null"/>.</exception>
    public GraphRunner(ConversationGraph graph, ICheckpointSaver saver, GraphRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(saver);
        _graph = graph;
        _saver = saver;
        _options = options ?? new GraphRunnerOptions();
        _ids = _options.Ids ?? new SortableIdGenerator(_options.Time);
    }

    /// <summary>Gets the graph this runner runs.</summary>
    public ConversationGraph Graph => _graph;

    /// <summary>Loads the latest state of a thread.</summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state, or <see langword="null"/> when the thread has no checkpoint.</returns>
    public async Task<GraphState?> GetStateAsync(string threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        var tuple = await _saver.GetTupleAsync(new CheckpointConfig(threadId), cancellationToken).ConfigureAwait(false);
        return tuple is null ? null : _graph.Schema.Deserialize(tuple.Checkpoint);
    }

    /// <summary>Runs one turn: applies <paramref name="input"/> and runs the graph until the bot waits.</summary>
    /// <param name="threadId">The conversation thread.</param>
    /// <param name="input">Writes that carry the customer message into the state.</param>
    /// <param name="metadata">Pairs stored with every checkpoint of the turn; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the turn between steps; finished steps stay checkpointed.</param>
    /// <returns>The state where the bot waits, and the path taken.</returns>
    /// <exception cref="GraphExecutionException">A node routed to an undeclared target, or the turn exceeded
    /// <see cref="GraphRunnerOptions.MaxStepsPerTurn"/>.</exception>
    public async Task<TurnResult> RunTurnAsync(
        string threadId,
        IEnumerable<StateWrite> input,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        ArgumentNullException.ThrowIfNull(input);
        using var turn = await _gate.EnterAsync(threadId, cancellationToken).ConfigureAwait(false);
        var extra = metadata ?? new Dictionary<string, string>();
        var latest = await _saver.GetTupleAsync(new CheckpointConfig(threadId), cancellationToken).ConfigureAwait(false);
        var state = latest is null ? GraphState.Empty : _graph.Schema.Deserialize(latest.Checkpoint);
        var step = latest?.Checkpoint.Step ?? -2;

        state = state.Reset(_graph.Schema.TurnScopedKeys).Apply(input);
        var stored = latest?.Checkpoint.ChannelVersions ?? new Dictionary<string, long>();
        var config = new CheckpointConfig(threadId, CheckpointId: latest?.Config.CheckpointId);
        (config, stored) = await SaveAsync(config, stored, state, ++step, [_graph.Entry.Value], null, extra, cancellationToken).ConfigureAwait(false);

        var path = new List<NodeName>();
        var current = _graph.Entry;
        while (!current.IsEnd)
        {
            if (path.Count >= _options.MaxStepsPerTurn)
            {
                throw new GraphExecutionException($"The turn of thread '{threadId}' ran {path.Count} steps without reaching the end; check the edges around '{current}' for a loop or raise MaxStepsPerTurn.");
            }

            var context = new NodeContext(threadId, current, step + 1, state, _options.Time, config.CheckpointId!, _options.Services ?? NoServices);
            var result = await _graph.GetNode(current).InvokeAsync(context, cancellationToken).ConfigureAwait(false);
            state = state.Apply(result.Writes);
            path.Add(current);
            var next = NextNode(current, result, state);
            (config, stored) = await SaveAsync(config, stored, state, ++step, next.IsEnd ? [] : [next.Value], current, extra, cancellationToken).ConfigureAwait(false);
            current = next;
        }

        return new TurnResult(state, path, config.CheckpointId!, step);
    }

    private NodeName NextNode(NodeName current, NodeResult result, GraphState state)
    {
        var edge = _graph.GetEdge(current);
        var next = result.Goto ?? (edge.Router is null ? edge.Targets[0] : edge.Router(state));
        if (!edge.Targets.Contains(next))
        {
            throw new GraphExecutionException($"The node '{current}' routed to '{next}', which is not a declared target of its edge; declare it in AddConditionalEdges.");
        }

        return next;
    }

    /// <summary>Writes the checkpoint of one step as the child of <paramref name="parent"/>, fenced on it, storing only
    /// the channels whose version moved since <paramref name="storedVersions"/>.</summary>
    private async Task<(CheckpointConfig Config, IReadOnlyDictionary<string, long> Versions)> SaveAsync(
        CheckpointConfig parent,
        IReadOnlyDictionary<string, long> storedVersions,
        GraphState state,
        int step,
        IReadOnlyList<string> next,
        NodeName? node,
        IReadOnlyDictionary<string, string> extra,
        CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, long>(state.Versions, StringComparer.Ordinal);
        var changed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (channel, version) in versions)
        {
            if (!storedVersions.TryGetValue(channel, out var before) || before != version)
            {
                changed[channel] = version;
            }
        }

        var checkpoint = new Checkpoint(
            _ids.NewIdAfter(parent.CheckpointId),
            step,
            _options.Time.GetUtcNow(),
            _graph.Schema.Serialize(state),
            versions,
            next,
            _graph.Version);
        var metadata = new CheckpointMetadata(
            node is null ? CheckpointMetadata.InputSource : CheckpointMetadata.LoopSource,
            step,
            node?.Value,
            extra);
        var config = await _saver.PutAsync(parent, checkpoint, metadata, changed, ExpectedHead.Is(parent.CheckpointId), cancellationToken).ConfigureAwait(false);
        return (config, versions);
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
