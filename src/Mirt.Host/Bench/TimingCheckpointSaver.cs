using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Mirt.Graph.Checkpoints;

namespace Mirt.Host.Bench;

/// <summary>
/// Times every checkpoint read and write the assistant makes and sums them per conversation thread, so the bench can
/// take one turn's store time when the webhook answers (turns of one thread never overlap). Writes are
/// <c>PutAsync</c>, <c>PutManyAsync</c> and <c>PutWritesAsync</c>; reads are <c>GetTupleAsync</c>.
/// </summary>
/// <remarks>Thread-safe. Each call's duration runs from the call to the completion of its task, on
/// <see cref="Stopwatch.GetTimestamp"/>.</remarks>
internal sealed class TimingCheckpointSaver(ICheckpointSaver inner) : DelegatingCheckpointSaver(inner)
{
    private readonly ConcurrentDictionary<string, TurnStoreTime> _open = new(StringComparer.Ordinal);
    private readonly List<double> _writeCalls = [];

    /// <summary>Takes (and clears) the store time a thread has accumulated since the last take.</summary>
    /// <param name="threadId">The conversation thread.</param>
    /// <returns>The sums; zero when the thread made no store call.</returns>
    public TurnStoreTime TakeTurn(string threadId) => _open.TryRemove(threadId, out var time) ? time : default;

    /// <summary>Takes (and clears) the duration of every write call since the last take, in ms.</summary>
    /// <returns>The durations, in completion order.</returns>
    public double[] TakeWriteCalls()
    {
        lock (_writeCalls)
        {
            var calls = _writeCalls.ToArray();
            _writeCalls.Clear();
            return calls;
        }
    }

    /// <inheritdoc />
    public override async Task<CheckpointTuple?> GetTupleAsync(CheckpointConfig config, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await base.GetTupleAsync(config, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Record(config.ThreadId, Stopwatch.GetElapsedTime(started), write: false, bytes: 0);
        }
    }

    /// <inheritdoc />
    public override async Task<CheckpointConfig> PutAsync(
        CheckpointConfig config,
        Checkpoint checkpoint,
        CheckpointMetadata metadata,
        IReadOnlyDictionary<string, long>? newVersions = null,
        ExpectedHead expectedHead = default,
        CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await base.PutAsync(config, checkpoint, metadata, newVersions, expectedHead, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            Record(config.ThreadId, elapsed, write: true, ValueBytes(checkpoint, newVersions));
        }
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<CheckpointConfig>> PutManyAsync(IReadOnlyList<CheckpointPut> puts, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await base.PutManyAsync(puts, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (puts is [var first, ..])
            {
                Record(first.Config.ThreadId, elapsed, write: true, puts.Sum(p => ValueBytes(p.Checkpoint, p.NewVersions)));
            }
        }
    }

    /// <inheritdoc />
    public override async Task PutWritesAsync(
        CheckpointConfig config,
        IReadOnlyList<ChannelWrite> writes,
        string taskId,
        string taskPath = "",
        CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await base.PutWritesAsync(config, writes, taskId, taskPath, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            Record(config.ThreadId, elapsed, write: true, writes.Sum(w => (long)Encoding.UTF8.GetByteCount(w.ValueJson)));
        }
    }

    // The values a put carries: those of its new versions, or every channel's when none are named (as the stores write).
    private static long ValueBytes(Checkpoint checkpoint, IReadOnlyDictionary<string, long>? newVersions)
    {
        long bytes = 0;
        foreach (var channel in (newVersions ?? checkpoint.ChannelVersions).Keys)
        {
            if (checkpoint.ChannelValues.TryGetValue(channel, out var value))
            {
                bytes += Encoding.UTF8.GetByteCount(value);
            }
        }

        return bytes;
    }

    private void Record(string threadId, TimeSpan elapsed, bool write, long bytes)
    {
        var ms = elapsed.TotalMilliseconds;
        _open.AddOrUpdate(
            threadId,
            static (_, a) => a.Write ? default(TurnStoreTime).AddWrite(a.Ms, a.Bytes) : default(TurnStoreTime).AddRead(a.Ms),
            static (_, sum, a) => a.Write ? sum.AddWrite(a.Ms, a.Bytes) : sum.AddRead(a.Ms),
            (Ms: ms, Write: write, Bytes: bytes));
        if (write)
        {
            lock (_writeCalls)
            {
                _writeCalls.Add(ms);
            }
        }
    }
}
