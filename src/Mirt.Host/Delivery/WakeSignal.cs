namespace Mirt.Host.Delivery;

/// <summary>
/// Wakes a background loop early: now, or after a delay (the end of a debounce window, an inline deadline). The loop
/// also wakes on its own every poll interval, so a lost wake-up only costs latency.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class WakeSignal
{
    private readonly TimeProvider _time;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the signal.</summary>
    /// <param name="time">The clock of the delayed wake-ups.</param>
    public WakeSignal(TimeProvider time) => _time = time;

    /// <summary>Wakes the loop now.</summary>
    public void Wake() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Wakes the loop after <paramref name="delay"/>.</summary>
    /// <param name="delay">The delay; zero or less wakes now.</param>
    public void WakeAfter(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Wake();
            return;
        }

        ITimer? timer = null;
        timer = _time.CreateTimer(_ => { Wake(); timer?.Dispose(); }, null, delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Waits for a wake-up, at most <paramref name="poll"/>.</summary>
    /// <param name="poll">The longest wait.</param>
    /// <param name="cancellationToken">Ends the wait early (without throwing).</param>
    /// <returns>A task that completes on a wake-up, after <paramref name="poll"/>, or on cancellation.</returns>
    public Task WaitAsync(TimeSpan poll, CancellationToken cancellationToken) =>
        Volatile.Read(ref _next).Task.WaitAsync(poll, _time, cancellationToken).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
