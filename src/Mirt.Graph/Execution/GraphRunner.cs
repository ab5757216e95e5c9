using Mirt.Graph.Building;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Policies;
using Mirt.Graph.Time;

namespace Mirt.Graph.Execution;

/// <summary>
/// Runs turns of a <see cref="ConversationGraph"/> and writes a checkpoint after the input and after every node step.
/// </summary>
/// <remarks>
/// <para>
/// One turn applies one customer message to the thread's latest state, runs from the entry node until an edge
/// reaches <see cref="NodeName.End"/>, and leaves the bot waiting. Every checkpoint is put as the child of the one
/// before, fenced with <see cref="ExpectedHead.Is"/> on it, so a second replica that advanced the thread makes the put
/// fail with <see cref="CheckpointConflictException"/> instead of forking silently. Turns of one thread are
/// serialised inside the process; different threads run in parallel. Thread-safe.
/// </para>
/// <para>
/// Unfinished work: a checkpoint whose <c>Next</c> is not empty belongs to a turn that has not finished — the process
/// crashed, a node failed (a <see cref="WriteChannels.Error"/> pending write says which), or a node paused on an
/// interrupt (a <see cref="WriteChannels.Interrupt"/> pending write). <see cref="ContinueAsync"/> finishes a crashed or
/// failed turn, <see cref="ResumeAsync"/> answers an interrupt. A new <see cref="RunTurnAsync"/> on a thread with a
/// crashed or failed turn starts over from the latest state (the unfinished nodes are abandoned); on a thread paused
/// on an interrupt it throws <see cref="Interrupts.PendingInterruptException"/>, because a human decision is pending.
/// </para>
/// <para>
/// Pending writes: a successful node's writes go straight into the next checkpoint, because one node runs per step
/// and storing them separately first would not let a restart skip any work. Only what a restart needs is stored as
/// pending writes against the checkpoint the node started from: failures, interrupts and their answers.
/// </para>
/// </remarks>
public sealed partial class GraphRunner
{
    /// <summary>Gets the log category of the runner's <c>agent_step</c> lines.</summary>
    public const string LogCategory = "Mirt.Graph.GraphRunner";

    private static readonly IServiceProvider NoServices = new EmptyServiceProvider();
    private readonly ConversationGraph _graph;
    private readonly ICheckpointSaver _saver;
    private readonly GraphRunnerOptions _options;
    private readonly IIdGenerator _ids;
    private readonly NodePipelines _pipelines;
    private readonly ThreadGate _gate = new();
    private readonly LatestCheckpointCache _latest;
    private readonly Microsoft.Extensions.Logging.ILogger _logger;

    /// <summary>Creates a runner.</summary>
    /// <param name="graph">The graph to run.</param>
    /// <param name="saver">Where checkpoints go.</param>
    /// <param name="options">Limits, clock and services; <see langword="null"/> for defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="saver"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public GraphRunner(ConversationGraph graph, ICheckpointSaver saver, GraphRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(saver);
        _graph = graph;
        _saver = saver;
        _options = options ?? new GraphRunnerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxStepsPerTurn, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.TurnConflictRetries, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.LatestCacheSize, nameof(options));
        ArgumentNullException.ThrowIfNull(_options.Time, nameof(options));
        _ids = _options.Ids ?? new SortableIdGenerator(_options.Time);
        _pipelines = new NodePipelines(graph, _options.Time);
        _latest = new LatestCheckpointCache(_options.LatestCacheSize);
        _logger = _options.Logging?.CreateLogger(LogCategory) ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>Gets the graph this runner runs.</summary>
    public ConversationGraph Graph => _graph;

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
