using System.Collections.Concurrent;

namespace Mirt.Host.Delivery;

/// <summary>
/// Wakes the webhooks of one subscriber waiting in this process when something about that subscriber changed (a turn
/// claimed or finished), so a local reply does not wait for the next poll. Other replicas' changes are seen by polling.
/// </summary>
/// <remarks>Thread-safe. A pulse with no waiter costs one dictionary lookup.</remarks>
internal sealed class SubscriberPulses
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <summary>Waits for the next pulse of a subscriber, at most <paramref name="timeout"/>.</summary>
    /// <param name="subscriberId">The subscriber.</param>
    /// <param name="timeout">The longest wait (the poll interval).</param>
    /// <param name="time">The clock.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes on a pulse, after the timeout, or on cancellation (without throwing).</returns>
    public async Task WaitAsync(string subscriberId, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        var pulse = _waiters.GetOrAdd(subscriberId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await pulse.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Wakes every waiter of a subscriber.</summary>
    /// <param name="subscriberId">The subscriber.</param>
    public void Pulse(string subscriberId)
    {
        if (_waiters.TryRemove(subscriberId, out var pulse))
        {
            pulse.TrySetResult();
        }
    }
}
