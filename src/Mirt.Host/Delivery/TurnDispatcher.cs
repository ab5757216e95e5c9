using System.Collections.Concurrent;
using Mirt.Host.Web;

namespace Mirt.Host.Delivery;

/// <summary>
/// Finds quiet subscribers in the store and runs their turns: debounced bursts merge into one turn, a message that
/// arrives during a turn waits for the next one, and the store's per-subscriber lease keeps every replica's turns of
/// one customer in line. Wakes on local messages (after the debounce window) and polls for everything else (other
/// replicas' messages, turns left by a crashed replica).
/// </summary>
internal sealed class TurnDispatcher
{
    /// <summary>Gets the most turns one replica runs at once; the rest wait in the store for this or another replica.</summary>
    public const int MaxConcurrentTurns = 64;

    private readonly DeliveryRuntime _runtime;
    private readonly TurnRunner _runner;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="runtime">The delivery runtime.</param>
    /// <param name="runner">Runs one claimed turn.</param>
    /// <param name="logger">Where loop failures are logged.</param>
    public TurnDispatcher(DeliveryRuntime runtime, TurnRunner runner, ILogger logger)
    {
        _runtime = runtime;
        _runner = runner;
        _logger = logger;
    }

    /// <summary>Gets how many turns run in this process now.</summary>
    public int Running => _running.Count;

    /// <summary>Claims and starts turns until <paramref name="stopping"/> is cancelled.</summary>
    /// <param name="stopping">Stops claiming; running turns go on (see <see cref="DrainAsync"/>).</param>
    /// <returns>A task that completes when claiming stopped.</returns>
    public async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ClaimReadyTurnsAsync(stopping).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The store may be restarting: back off and try again, the messages are safe in it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var pause = TimeSpan.FromMilliseconds(Math.Min(5_000, 250 * Math.Pow(2, failures++)));
                DeliveryLog.LoopFailed(_logger, "turns", pause.TotalMilliseconds, PiiMasker.Mask(ex.Message));
                await Task.Delay(pause, _runtime.Time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            await _runtime.TurnWake.WaitAsync(_runtime.Settings.Poll, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the turns running in this process, at most until <paramref name="deadline"/>.</summary>
    /// <param name="deadline">Ends the wait; unfinished turns keep their rows and are resumed by another replica or
    /// after a restart.</param>
    /// <returns>How many turns finished and how many were left.</returns>
    public async Task<(int Finished, int Left)> DrainAsync(CancellationToken deadline)
    {
        var tasks = _running.Values.ToList();
        await Task.WhenAll(tasks).WaitAsync(deadline).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var left = tasks.Count(t => !t.IsCompleted);
        return (tasks.Count - left, left);
    }

    private async Task ClaimReadyTurnsAsync(CancellationToken stopping)
    {
        var free = MaxConcurrentTurns - _running.Count;
        if (free <= 0)
        {
            return;
        }

        var ready = await _runtime.Store.FindClaimableTurnsAsync(_runtime.Now, _runtime.Settings.Debounce, free, stopping).ConfigureAwait(false);
        foreach (var subscriber in ready)
        {
            if (_running.ContainsKey(subscriber))
            {
                continue;
            }

            var claim = await _runtime.Store.TryClaimTurnAsync(subscriber, _runtime.Owner, _runtime.Now, _runtime.Settings.Debounce, _runtime.Settings.TurnLease, stopping).ConfigureAwait(false);
            if (claim is null)
            {
                continue;
            }

            // The turn is not tied to shutdown: a half-run turn is worth finishing within the shutdown budget.
            var turn = Task.Run(() => _runner.RunAsync(claim), CancellationToken.None);
            _running[subscriber] = turn;
            _ = turn.ContinueWith(
                _ =>
                {
                    _running.TryRemove(subscriber, out var _);
                    _runtime.TurnWake.Wake(); // the subscriber's next messages may be waiting for this very turn
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }
}
