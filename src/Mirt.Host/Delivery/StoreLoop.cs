using Mirt.Host.Web;

namespace Mirt.Host.Delivery;

/// <summary>
/// Runs one pass of a background delivery loop over and over: after a good pass it waits for a wake-up or the poll
/// interval; after a failed one (the store may be restarting, the work is safe in it) it backs off 250 ms doubling up
/// to 5 s, logging <c>delivery_loop_failed</c>.
/// </summary>
internal static class StoreLoop
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(5);

    /// <summary>Repeats <paramref name="pass"/> until <paramref name="stopping"/> is cancelled.</summary>
    /// <param name="name">The loop's name in the failure log line.</param>
    /// <param name="pass">One pass over the store.</param>
    /// <param name="wake">Ends the wait between passes early.</param>
    /// <param name="runtime">The delivery runtime (poll interval, clock).</param>
    /// <param name="logger">Where failures are logged.</param>
    /// <param name="stopping">Stops the loop.</param>
    /// <returns>A task that completes when the loop stopped.</returns>
    public static async Task RunAsync(string name, Func<CancellationToken, Task> pass, WakeSignal wake, DeliveryRuntime runtime, ILogger logger, CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await pass(stopping).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The store may be restarting: back off and try again, the work is safe in it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var pause = TimeSpan.FromMilliseconds(Math.Min(MaxPause.TotalMilliseconds, 250 * Math.Pow(2, failures++)));
                DeliveryLog.LoopFailed(logger, name, pause.TotalMilliseconds, PiiMasker.Mask(ex.Message));
                await Task.Delay(pause, runtime.Time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            await wake.WaitAsync(runtime.Settings.Poll, stopping).ConfigureAwait(false);
        }
    }
}
