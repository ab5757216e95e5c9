using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mirt.Graph.Checkpoints;

namespace Mirt.Graph.Diagnostics;

/// <summary>
/// Observes every call to a checkpoint store: its duration in <c>checkpointer_latency_ms{operation}</c>, its failure
/// in <c>checkpointer_errors{operation}</c>, and one <c>checkpointer</c> log line with operation, milliseconds and
/// value bytes. Calls pass through unchanged, exceptions included.
/// </summary>
/// <remarks>
/// <para>
/// Bytes are the UTF-8 size of the channel values and pending-write values a call moved: for <c>put</c> the values it
/// writes (its new versions), for <c>put_many</c> those of every put, for <c>put_writes</c> the writes, for <c>get</c> and <c>list</c> the values loaded; 0 for
/// the maintenance calls. A <see cref="CheckpointConflictException"/> is a lost race, not a broken store, and a
/// cancelled call is the caller's choice: neither counts as an error (a conflict is still timed and logged). A
/// <c>list</c> is timed from the call to the end (or abandonment) of its enumeration.
/// </para>
/// <para>Thread-safe when the inner store is. Disposing the wrapper does not dispose the inner store.</para>
/// </remarks>
public sealed class InstrumentedCheckpointSaver : DelegatingCheckpointSaver
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the wrapper.</summary>
    /// <param name="inner">The store every call goes to.</param>
    /// <param name="logger">Receives the <c>checkpointer</c> lines; <see langword="null"/> for none.</param>
    /// <param name="time">Times the calls; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is <see langword="null"/>.</exception>
    public InstrumentedCheckpointSaver(ICheckpointSaver inner, ILogger? logger = null, TimeProvider? time = null)
        : base(inner)
    {
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public override Task<CheckpointTuple?> GetTupleAsync(CheckpointConfig config, CancellationToken cancellationToken = default) =>
        ObserveAsync(CheckpointOperations.Get, () => base.GetTupleAsync(config, cancellationToken), tuple => tuple is null ? 0 : ValueBytes.Of(tuple));

    /// <inheritdoc />
    public override IAsyncEnumerable<CheckpointTuple> ListAsync(CheckpointQuery query, CancellationToken cancellationToken = default) =>
        ObserveList(base.ListAsync(query, cancellationToken), _time.GetTimestamp(), cancellationToken);

    /// <inheritdoc />
    public override Task<CheckpointConfig> PutAsync(
        CheckpointConfig config,
        Checkpoint checkpoint,
        CheckpointMetadata metadata,
        IReadOnlyDictionary<string, long>? newVersions = null,
        ExpectedHead expectedHead = default,
        CancellationToken cancellationToken = default) =>
        ObserveAsync(
            CheckpointOperations.Put,
            () => base.PutAsync(config, checkpoint, metadata, newVersions, expectedHead, cancellationToken),
            _ => checkpoint is null ? 0 : ValueBytes.Written(checkpoint, newVersions));

    /// <inheritdoc />
    public override Task<IReadOnlyList<CheckpointConfig>> PutManyAsync(IReadOnlyList<CheckpointPut> puts, CancellationToken cancellationToken = default) =>
        ObserveAsync(
            CheckpointOperations.PutMany,
            () => base.PutManyAsync(puts, cancellationToken),
            _ => puts is null ? 0 : puts.Sum(put => put is null ? 0 : ValueBytes.Written(put.Checkpoint, put.NewVersions)));

    /// <inheritdoc />
    public override Task PutWritesAsync(
        CheckpointConfig config,
        IReadOnlyList<ChannelWrite> writes,
        string taskId,
        string taskPath = "",
        CancellationToken cancellationToken = default) =>
        ObserveAsync(
            CheckpointOperations.PutWrites,
            async () =>
            {
                await base.PutWritesAsync(config, writes, taskId, taskPath, cancellationToken).ConfigureAwait(false);
                return writes is null ? 0 : ValueBytes.Of(writes);
            },
            bytes => bytes);

    /// <inheritdoc />
    public override Task DeleteThreadAsync(string threadId, CancellationToken cancellationToken = default) =>
        ObserveAsync(CheckpointOperations.DeleteThread, () => base.DeleteThreadAsync(threadId, cancellationToken));

    /// <inheritdoc />
    public override Task CopyThreadAsync(string sourceThreadId, string targetThreadId, CancellationToken cancellationToken = default) =>
        ObserveAsync(CheckpointOperations.CopyThread, () => base.CopyThreadAsync(sourceThreadId, targetThreadId, cancellationToken));

    /// <inheritdoc />
    public override Task PruneAsync(IReadOnlyCollection<string> threadIds, PruneStrategy strategy, CancellationToken cancellationToken = default) =>
        ObserveAsync(CheckpointOperations.Prune, () => base.PruneAsync(threadIds, strategy, cancellationToken));

    /// <inheritdoc />
    public override Task DeleteForRunsAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken = default) =>
        ObserveAsync(CheckpointOperations.DeleteForRuns, () => base.DeleteForRunsAsync(runIds, cancellationToken));

    /// <inheritdoc />
    public override Task<long> PruneOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        ObserveAsync(CheckpointOperations.PruneOlderThan, () => base.PruneOlderThanAsync(cutoff, cancellationToken), _ => 0);

    private Task<long> ObserveAsync(string operation, Func<Task> call) =>
        ObserveAsync(
            operation,
            async () =>
            {
                await call().ConfigureAwait(false);
                return 0L;
            },
            _ => 0);

    private async Task<T> ObserveAsync<T>(string operation, Func<Task<T>> call, Func<T, long> bytes)
    {
        var started = _time.GetTimestamp();
        T result;
        try
        {
            result = await call().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Failed(operation, started, ex);
            throw;
        }

        Succeeded(operation, started, bytes(result));
        return result;
    }

    private async IAsyncEnumerable<CheckpointTuple> ObserveList(
        IAsyncEnumerable<CheckpointTuple> items,
        long started,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long bytes = 0;
        var failed = false;
        var enumerator = items.GetAsyncEnumerator(cancellationToken);
        await using var _ = enumerator.ConfigureAwait(false);
        try
        {
            while (true)
            {
                bool moved;
                try
                {
                    moved = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    failed = true;
                    Failed(CheckpointOperations.List, started, ex);
                    throw;
                }

                if (!moved)
                {
                    break;
                }

                bytes += ValueBytes.Of(enumerator.Current);
                yield return enumerator.Current;
            }
        }
        finally
        {
            if (!failed)
            {
                Succeeded(CheckpointOperations.List, started, bytes);
            }
        }
    }

    private void Succeeded(string operation, long started, long bytes)
    {
        var ms = Math.Round(Record(operation, started), 1);
        GraphLog.Checkpointer(_logger, operation, ms, bytes);
    }

    private void Failed(string operation, long started, Exception error)
    {
        if (error is OperationCanceledException)
        {
            return;
        }

        var ms = Record(operation, started);
        if (error is not CheckpointConflictException)
        {
            GraphTelemetry.StoreErrors.Add(1, OperationTag(operation), TelemetryContext.ReleaseTag);
        }

        if (_logger.IsEnabled(LogLevel.Warning))
        {
            GraphLog.CheckpointerFailed(_logger, operation, Math.Round(ms, 1), error.GetType().Name);
        }
    }

    private double Record(string operation, long started)
    {
        var ms = _time.GetElapsedTime(started).TotalMilliseconds;
        GraphTelemetry.StoreLatency.Record(ms, OperationTag(operation), TelemetryContext.ReleaseTag);
        return ms;
    }

    private static KeyValuePair<string, object?> OperationTag(string operation) => new(TelemetryTags.Operation, operation);
}
