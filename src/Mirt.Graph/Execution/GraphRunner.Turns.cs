using Mirt.Graph.Checkpoints;
using Mirt.Graph.Interrupts;
using Mirt.Graph.State;
using Mirt.Graph.Streaming;

namespace Mirt.Graph.Execution;

/// <content>Runs customer turns, plain or streamed.</content>
public sealed partial class GraphRunner
{
    /// <summary>Runs one turn: applies <paramref name="input"/> and runs the graph until the bot waits.</summary>
    /// <param name="threadId">The conversation thread.</param>
    /// <param name="input">Writes that carry the customer message into the state.</param>
    /// <param name="metadata">Pairs stored with every checkpoint of the turn; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the turn between steps; finished steps stay checkpointed.</param>
    /// <returns>The state where the bot waits, and the path taken; <see cref="TurnResult.Interrupt"/> is set when a node
    /// paused the turn.</returns>
    /// <remarks>When the input checkpoint loses a race to another replica the turn reloads the thread and starts again,
    /// up to <see cref="GraphRunnerOptions.TurnConflictRetries"/> times; the customer's input is applied to the newer state.</remarks>
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is empty.</exception>
    /// <exception cref="PendingInterruptException">The thread is paused on an interrupt; answer it with <see cref="ResumeAsync"/>.</exception>
    /// <exception cref="GraphExecutionException">A node failed (after its retries; the failure is recorded as a
    /// <see cref="WriteChannels.Error"/> pending write), routed to an undeclared target, or the turn exceeded
    /// <see cref="GraphRunnerOptions.MaxStepsPerTurn"/>.</exception>
    /// <exception cref="CheckpointConflictException">Another writer advanced the thread during the turn, or won every
    /// retry of the input checkpoint.</exception>
    /// <exception cref="Migrations.GraphMigrationException">The thread was written by a graph version this graph cannot migrate.</exception>
    public Task<TurnResult> RunTurnAsync(
        string threadId,
        IEnumerable<StateWrite> input,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        ArgumentNullException.ThrowIfNull(input);
        var writes = input.ToList();
        return RunTurnCoreAsync(threadId, writes, metadata, GraphEventSink.None, cancellationToken);
    }

    /// <summary>Runs one turn like <see cref="RunTurnAsync"/> and reports its progress as it happens.</summary>
    /// <param name="threadId">The conversation thread.</param>
    /// <param name="input">Writes that carry the customer message into the state.</param>
    /// <param name="metadata">Pairs stored with every checkpoint of the turn; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the turn between steps.</param>
    /// <returns>The events (see <see cref="GraphEvent"/> for their order), ending with <see cref="TurnFinished"/> that
    /// carries the result. The turn starts when enumeration starts; a failure is thrown from the enumeration after the
    /// events that preceded it; leaving the enumeration early cancels the turn.</returns>
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is empty.</exception>
    public IAsyncEnumerable<GraphEvent> StreamTurnAsync(
        string threadId,
        IEnumerable<StateWrite> input,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        ArgumentNullException.ThrowIfNull(input);
        var writes = input.ToList();
        return EventStream.RunAsync((sink, token) => RunTurnCoreAsync(threadId, writes, metadata, sink, token), cancellationToken);
    }

    private async Task<TurnResult> RunTurnCoreAsync(
        string threadId,
        IReadOnlyList<StateWrite> input,
        IReadOnlyDictionary<string, string>? metadata,
        GraphEventSink sink,
        CancellationToken cancellationToken)
    {
        using var turn = await _gate.EnterAsync(threadId, cancellationToken).ConfigureAwait(false);
        var scope = RootScope(threadId, metadata, sink);
        var cursor = await StartTurnAsync(scope, input, _latest.Take(threadId), cancellationToken).ConfigureAwait(false);
        return await RunLoopAsync(scope, cursor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the turn's input checkpoint on top of the thread's latest one, reloading and trying again when
    /// another replica advanced the thread first.</summary>
    /// <remarks>A <paramref name="cached"/> cursor (where this process last left the thread) saves the read; when it is
    /// stale the fenced put conflicts, and the reload that follows does not count against the retries.</remarks>
    private async Task<RunCursor> StartTurnAsync(RunScope scope, IReadOnlyList<StateWrite> input, RunCursor? cached, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var from = cached ?? await LoadTurnStartAsync(scope, cancellationToken).ConfigureAwait(false);
            var state = from.State.Reset(scope.Graph.Schema.TurnScopedKeys).Apply(input);
            try
            {
                return await SaveAsync(scope, from, state, scope.Graph.Entry, node: null, CheckpointMetadata.InputSource, cancellationToken).ConfigureAwait(false);
            }
            catch (CheckpointConflictException) when (cached is not null)
            {
                // The cached head was stale: the thread moved on elsewhere. Read it, as an uncached turn would have.
                cached = null;
                attempt--;
            }
            catch (CheckpointConflictException) when (attempt < _options.TurnConflictRetries)
            {
                // Another replica wrote first; nothing of ours is stored, so reload its state and apply the input again.
            }
        }
    }

    private async Task<RunCursor> LoadTurnStartAsync(RunScope scope, CancellationToken cancellationToken)
    {
        var latest = await _saver.GetTupleAsync(new CheckpointConfig(scope.ThreadId), cancellationToken).ConfigureAwait(false);
        if (latest is not null && InterruptRecords.Find(latest) is { } interrupt)
        {
            throw new PendingInterruptException(scope.ThreadId, interrupt);
        }

        return At(scope, latest);
    }

    private RunScope RootScope(string threadId, IReadOnlyDictionary<string, string>? metadata, GraphEventSink sink) =>
        new(threadId, string.Empty, _graph, metadata ?? new Dictionary<string, string>(), sink)
        {
            Staged = _options.Durability == CheckpointDurability.Turn ? new StagedCheckpoints() : null,
        };
}
