using System.Collections.Concurrent;
using Mirt.Delivery;
using Mirt.Host.Web;

namespace Mirt.Host.Delivery;

/// <summary>
/// Pushes due outbox rows through ManyChat's <c>sendContent</c>, one subscriber at a time under the store's push lease
/// so one customer's bubbles keep their order across replicas, with a short typing pause between the bubbles of one
/// turn. Also refreshes the backlog gauges.
/// </summary>
internal sealed class OutboxPusher
{
    private const int MaxConcurrentSubscribers = 16;
    private static readonly TimeSpan BacklogEvery = TimeSpan.FromSeconds(5);

    private readonly DeliveryRuntime _runtime;
    private readonly PushSender _sender;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Task<int>> _running = new(StringComparer.Ordinal);
    private DateTimeOffset _backlogAt;

    /// <summary>Creates the pusher.</summary>
    /// <param name="runtime">The delivery runtime.</param>
    /// <param name="sender">Sends one row and records its result.</param>
    /// <param name="logger">Where loop failures are logged.</param>
    public OutboxPusher(DeliveryRuntime runtime, PushSender sender, ILogger logger)
    {
        _runtime = runtime;
        _sender = sender;
        _logger = logger;
    }

    /// <summary>Pushes until <paramref name="stopping"/> is cancelled.</summary>
    /// <param name="stopping">Stops the loop.</param>
    /// <returns>A task that completes when the loop stopped.</returns>
    public Task RunAsync(CancellationToken stopping) =>
        StoreLoop.RunAsync(
            "pushes",
            async token =>
            {
                await PushDueAsync(token).ConfigureAwait(false);
                await RefreshBacklogAsync(token).ConfigureAwait(false);
            },
            _runtime.PushWake,
            _runtime,
            _logger,
            stopping);

    /// <summary>Pushes what is due now, for shutdown: repeats until nothing due is left or <paramref name="deadline"/>.</summary>
    /// <param name="deadline">Ends the flush.</param>
    /// <returns>How many rows were sent.</returns>
    public async Task<int> FlushAsync(CancellationToken deadline)
    {
        var sent = 0;
        try
        {
            await Task.WhenAll(_running.Values).WaitAsync(deadline).ConfigureAwait(false);
            for (var round = 0; round < 10 && !deadline.IsCancellationRequested; round++)
            {
                var pushed = await PushDueAsync(deadline).ConfigureAwait(false);
                var results = await Task.WhenAll(_running.Values).WaitAsync(deadline).ConfigureAwait(false);
                sent += results.Sum();
                if (pushed == 0)
                {
                    break;
                }
            }
        }
#pragma warning disable CA1031 // Shutdown goes on: unsent rows stay pending and the next replica or start pushes them.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DeliveryLog.LoopFailed(_logger, "flush", 0, PiiMasker.Mask(ex.Message));
        }

        return sent;
    }

    // Starts a push task per claimable subscriber; returns how many started.
    private async Task<int> PushDueAsync(CancellationToken cancellationToken)
    {
        var free = MaxConcurrentSubscribers - _running.Count;
        if (free <= 0)
        {
            return 0;
        }

        var started = 0;
        var due = await _runtime.Store.FindDuePushesAsync(_runtime.Now, free, cancellationToken).ConfigureAwait(false);
        foreach (var subscriber in due)
        {
            if (_running.ContainsKey(subscriber))
            {
                continue;
            }

            var claim = await _runtime.Store.TryClaimPushesAsync(subscriber, _runtime.Owner, _runtime.Now, _runtime.Settings.PushLease, cancellationToken).ConfigureAwait(false);
            if (claim is null)
            {
                continue;
            }

            var push = Task.Run(() => _sender.PushAsync(claim), CancellationToken.None);
            _running[subscriber] = push;
            started++;
            _ = push.ContinueWith(
                _ =>
                {
                    _running.TryRemove(subscriber, out var _);
                    _runtime.PushWake.Wake();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return started;
    }

    private async Task RefreshBacklogAsync(CancellationToken cancellationToken)
    {
        var now = _runtime.Now;
        if (now - _backlogAt < BacklogEvery)
        {
            return;
        }

        _backlogAt = now;
        DeliveryTelemetry.Publish(await _runtime.Store.GetBacklogAsync(now, cancellationToken).ConfigureAwait(false));
    }
}
