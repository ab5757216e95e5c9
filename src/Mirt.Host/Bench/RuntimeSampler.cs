namespace Mirt.Host.Bench;

/// <summary>
/// Samples the thread pool and the working set every <see cref="Interval"/> on a background task: the longest
/// work-item queue (a queue that keeps growing means starvation), the most pool threads and the largest working set.
/// </summary>
/// <remarks>Thread-safe; <see cref="Reset"/> starts new maxima (after the warm-up).</remarks>
internal sealed class RuntimeSampler : IAsyncDisposable
{
    /// <summary>Gets how often the sampler looks.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource _stop = new();
    private readonly Action? _onSample;
    private readonly Task _loop;
    private long _queueMax;
    private long _threadsMax;
    private long _workingSetMax;

    /// <summary>Starts sampling.</summary>
    /// <param name="onSample">Also runs at every sample (the Npgsql connection counts); <see langword="null"/> for nothing.</param>
    public RuntimeSampler(Action? onSample = null)
    {
        _onSample = onSample;
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    /// <summary>Gets the longest thread-pool queue seen (<see cref="ThreadPool.PendingWorkItemCount"/>).</summary>
    public long QueueMax => Interlocked.Read(ref _queueMax);

    /// <summary>Gets the most thread-pool threads seen (<see cref="ThreadPool.ThreadCount"/>).</summary>
    public long ThreadsMax => Interlocked.Read(ref _threadsMax);

    /// <summary>Gets the largest working set seen, in bytes.</summary>
    public long WorkingSetMax => Interlocked.Read(ref _workingSetMax);

    /// <summary>Forgets the maxima seen so far.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _queueMax, 0);
        Interlocked.Exchange(ref _threadsMax, 0);
        Interlocked.Exchange(ref _workingSetMax, 0);
        Sample();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static void Max(ref long field, long value)
    {
        var seen = Interlocked.Read(ref field);
        while (value > seen)
        {
            var was = Interlocked.CompareExchange(ref field, value, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            Sample();
        }
    }

    private void Sample()
    {
        Max(ref _queueMax, ThreadPool.PendingWorkItemCount);
        Max(ref _threadsMax, ThreadPool.ThreadCount);
        Max(ref _workingSetMax, Environment.WorkingSet);
        _onSample?.Invoke();
    }
}
