using System.Collections.Concurrent;
using Mirt.Delivery;
using Mirt.Host.Web;

namespace Mirt.Host.Delivery;

/// <summary>
/// Finds quiet subscribers in the store and runs their turns: debounced bursts merge into one turn, a message that
/// arrives during a turn waits for the next one, and the store's per-subscriber lease keeps every replica's turns of
/// one customer in line. Wakes on local messages (after the debounce window) and polls for everything else (other
/// replicas' messages, turns left by a crashed replica).
/// </summary>
internal sealed class TurnDispatcher : IDisposable
{
    private readonly DeliveryRuntime _runtime;
    private readonly TurnRunner _runner;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="runtime">The delivery runtime.</param>
    /// <param name="runner">Runs one claimed turn.</param>
    /// <param name="logger">Where loop failures are logged.</param>
    public TurnDispatcher(DeliveryRuntime runtime, TurnRunner runner, ILogger logger)
    {
        _runtime = runtime;
        _runner = runner;
        _logger = logger;
        _slots = new SemaphoreSlim(runtime.Settings.MaxConcurrentTurns, runtime.Settings.MaxConcurrentTurns);
    }

    /// <summary>Gets how many turns run in this process now.</summary>
    public int Running => _running.Count;

    /// <summary>Claims and starts turns until <paramref name="stopping"/> is cancelled.</summary>
    /// <param name="stopping">Stops claiming; running turns go on (see <see cref="DrainAsync"/>).</param>
    /// <returns>A task that completes when claiming stopped.</returns>
    public Task RunAsync(CancellationToken stopping) =>
        StoreLoop.RunAsync("turns", ClaimReadyTurnsAsync, _runtime.TurnWake, _runtime, _logger, stopping);

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
        var free = _slots.CurrentCount;
        if (free <= 0)
        {
            return;
        }

        var ready = await _runtime.Store.FindClaimableTurnsAsync(_runtime.Now, _runtime.Settings.Debounce, free, stopping).ConfigureAwait(false);
        foreach (var subscriber in ready)
        {
            await TryStartAsync(subscriber, waitForSlot: false, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>Claims a subscriber's next turn and starts it, when the store hands it over: the webhook calls this
    /// once its message's debounce window has passed (the fast path), the poll loop for everything else.</summary>
    /// <param name="subscriber">The subscriber.</param>
    /// <param name="waitForSlot">Whether to wait for one of the <see cref="DeliverySettings.MaxConcurrentTurns"/> slots (the webhook's
    /// fast path, first come first served) or give up at once when all are taken (the poll loop).</param>
    /// <param name="cancellationToken">Cancels the wait and the claim (not the turn).</param>
    /// <returns><see langword="true"/> when a turn started here; <see langword="false"/> when another replica holds the
    /// lease, nothing is quiet yet, or no slot was free.</returns>
    public async Task<bool> TryStartAsync(string subscriber, bool waitForSlot, CancellationToken cancellationToken)
    {
        if (_running.TryGetValue(subscriber, out var previous))
        {
            // The subscriber's previous turn is finishing here (its reply is out, its task not yet done): wait for it
            // rather than leave this message to the next poll.
            await previous.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (waitForSlot)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (!_slots.Wait(0, CancellationToken.None))
        {
            return false;
        }

        TurnClaim? claim;
        try
        {
            claim = await _runtime.Store.TryClaimTurnAsync(subscriber, _runtime.Owner, _runtime.Now, _runtime.Settings.Debounce, _runtime.Settings.TurnLease, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _slots.Release();
            throw;
        }

        if (claim is null)
        {
            _slots.Release();
            return false;
        }

        // The turn is not tied to shutdown: a half-run turn is worth finishing within the shutdown budget.
        var turn = Task.Run(() => _runner.RunAsync(claim), CancellationToken.None);
        _running[subscriber] = turn;
        _ = turn.ContinueWith(
            _ =>
            {
                _running.TryRemove(new KeyValuePair<string, Task>(subscriber, turn)); // only this turn's entry
                _slots.Release();
                _runtime.TurnWake.Wake(); // the subscriber's next messages may be waiting for this very turn
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();
}
