using Mirt.Delivery;
using Mirt.Host.Web;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Abstractions.State;
using Mirt.Sales.Assistant;
using Mirt.Sales.Delivery;

namespace Mirt.Host.Delivery;

/// <summary>
/// Runs one claimed turn to its outbox rows: merges the messages, keeps the lease alive, pushes the interim bubble when
/// the turn is slow, records the reply and the handoff in one store transaction, then wakes the waiting webhook and
/// the pusher. A failing turn is tried again later; after the last attempt the customer gets the apology and a manager.
/// </summary>
internal sealed class TurnRunner
{
    private readonly DeliveryRuntime _runtime;
    private readonly EscalationMarker _marker;
    private readonly ILogger _logger;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    /// <summary>Creates the runner.</summary>
    /// <param name="runtime">The delivery runtime.</param>
    /// <param name="marker">Marks escalations in ManyChat.</param>
    /// <param name="logger">Where turn events are logged.</param>
    public TurnRunner(DeliveryRuntime runtime, EscalationMarker marker, ILogger logger)
    {
        _runtime = runtime;
        _marker = marker;
        _logger = logger;
    }

    /// <summary>Runs the turn. Never throws: a failure is logged and the turn left for a later attempt.</summary>
    /// <param name="claim">The claimed turn.</param>
    /// <returns>A task that completes when the turn's rows are stored or the attempt failed.</returns>
    public async Task RunAsync(TurnClaim claim)
    {
        // A turn is its own trace (its webhook may have answered long ago, on another replica), in its release.
        using var span = Observability.HostTelemetry.Source.StartActivity("delivery_turn");
        using var release = Mirt.Graph.Diagnostics.TelemetryContext.UseRelease(_runtime.Assistant.ReleaseFor(claim.SubscriberId));
        DeliveryLog.TurnClaimed(_logger, claim.SubscriberId, claim.TurnId, claim.Messages.Count, claim.Resumed);
        if (claim.Resumed)
        {
            DeliveryLog.TurnResumed(_logger, claim.SubscriberId, claim.TurnId);
            DeliveryTelemetry.Turn("resumed");
        }

        _runtime.Pulses.Pulse(claim.SubscriberId);
        using var stop = new CancellationTokenSource();
        var keepAlive = KeepLeaseAsync(claim, stop.Token);
        var interim = PushInterimWhenSlowAsync(claim, stop.Token);
        try
        {
            var reply = await _runtime.Assistant.HandleAsync(MessageMerger.Merge(claim), CancellationToken.None).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(keepAlive, interim).ConfigureAwait(false);
            TurnLog.Write(_logger, reply);
            var handoff = reply.Escalation is { Level: Escalation.Handoff } e ? e.Reason : null;
            await CompleteAsync(claim, reply.State, reply.Intent, handoff, reply.Replies).ConfigureAwait(false);
            DeliveryTelemetry.Merged(claim.Messages.Count);
            Observability.EndToEndTelemetry.RecordTurn((_runtime.Now - claim.Messages[0].AcceptedAt).TotalMilliseconds, reply.State, reply.Intent, reply.Release);
            if (reply.Escalation is { } escalation)
            {
                await _marker.MarkAsync(claim.SubscriberId, reply.State, reply.Intent, escalation.Level == Escalation.Handoff).ConfigureAwait(false);
            }

            _failures.TryRemove(claim.TurnId, out _);
        }
#pragma warning disable CA1031 // A failed turn must not stop the dispatcher; it is logged and retried.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(keepAlive, interim).ConfigureAwait(false);
            await FailedAsync(claim, ex).ConfigureAwait(false);
        }
    }

    private async Task CompleteAsync(TurnClaim claim, string state, string intent, string? handoff, IReadOnlyList<string> bubbles)
    {
        var completion = new TurnCompletion(claim.TurnId, claim.SubscriberId, _runtime.Owner, state, intent, handoff, ReplyPlanner.Plan(_runtime, claim, bubbles));
        if (!await _runtime.Store.CompleteTurnAsync(completion, _runtime.Now).ConfigureAwait(false))
        {
            // Another replica finished this turn after our lease ran out; ours would otherwise block the next turn
            // until it expires.
            await _runtime.Store.ReleaseTurnLeaseAsync(claim.SubscriberId, _runtime.Owner).ConfigureAwait(false);
        }
        else
        {
            DeliveryTelemetry.Turn("completed");
            if (handoff is not null)
            {
                DeliveryLog.HandoffStarted(_logger, claim.SubscriberId, handoff);
                DeliveryTelemetry.Handoff("started");
            }
        }

        _runtime.Pulses.Pulse(claim.SubscriberId);
        _runtime.PushWake.Wake();
        if (completion.Outbox is [{ InlineUntil: { } until }, ..])
        {
            _runtime.PushWake.WakeAfter(until - _runtime.Now);
        }

        // The next messages of this subscriber may already be quiet.
        _runtime.TurnWake.Wake();
    }

    private async Task FailedAsync(TurnClaim claim, Exception error)
    {
        var attempt = _failures.AddOrUpdate(claim.TurnId, 1, (_, n) => n + 1);
        var attempts = _runtime.Settings.TurnAttempts;
        DeliveryLog.TurnAttemptFailed(_logger, claim.SubscriberId, claim.TurnId, attempt, attempts, PiiMasker.Mask(error.ToString()));
        DeliveryTelemetry.Turn("failed_attempt");
        try
        {
            if (attempt < attempts)
            {
                // Keep the lease for a growing pause instead of releasing it, so the next attempt (here or on another
                // replica, as a resumed turn) waits instead of spinning on a message that breaks the graph.
                var pause = TimeSpan.FromSeconds(attempt * 2);
                await _runtime.Store.RenewTurnLeaseAsync(claim.SubscriberId, _runtime.Owner, _runtime.Now, pause).ConfigureAwait(false);
                _runtime.TurnWake.WakeAfter(pause);
                return;
            }

            _failures.TryRemove(claim.TurnId, out _);
            var apology = _runtime.Assistant.PromptRenderer.Render(DeliveryTemplates.TurnFailed, NoModel.Instance);
            await CompleteAsync(claim, "STATE_8_COMPLAINT", "unknown", "TURN_FAILED", [apology]).ConfigureAwait(false);
            DeliveryLog.TurnGivenUp(_logger, claim.SubscriberId, claim.TurnId, attempts);
            DeliveryTelemetry.Turn("given_up");
            await _marker.MarkAsync(claim.SubscriberId, "STATE_8_COMPLAINT", "unknown", handoff: true).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The store is down too: the lease runs out and the turn is resumed later.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DeliveryLog.TurnAttemptFailed(_logger, claim.SubscriberId, claim.TurnId, attempt, attempts, PiiMasker.Mask(ex.Message));
        }
    }

    private async Task KeepLeaseAsync(TurnClaim claim, CancellationToken stop)
    {
        var lease = _runtime.Settings.TurnLease;
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(lease / 3, _runtime.Time, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                if (!await _runtime.Store.RenewTurnLeaseAsync(claim.SubscriberId, _runtime.Owner, _runtime.Now, lease, stop).ConfigureAwait(false))
                {
                    DeliveryLog.LeaseLost(_logger, claim.SubscriberId, claim.TurnId);
                    return;
                }
            }
#pragma warning disable CA1031 // A missed renewal is retried on the next tick; the lease has two more thirds to run.
            catch (Exception) when (!stop.IsCancellationRequested)
#pragma warning restore CA1031
            {
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PushInterimWhenSlowAsync(TurnClaim claim, CancellationToken stop)
    {
        var delay = _runtime.Settings.InterimDelayFor(MessageMerger.HasPhoto(claim));
        if (!_runtime.CanPush || delay <= TimeSpan.Zero)
        {
            return;
        }

        var wait = claim.LastAcceptedAt + delay - _runtime.Now;
        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _runtime.Time, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (stop.IsCancellationRequested)
        {
            return;
        }

        try
        {
            var text = _runtime.Assistant.PromptRenderer.Render(DeliveryTemplates.Interim, NoModel.Instance);
            if (await _runtime.Store.EnqueueAsync(ReplyPlanner.Interim(_runtime, claim, text), _runtime.Now, CancellationToken.None).ConfigureAwait(false))
            {
                _runtime.PushWake.Wake();
            }
        }
#pragma warning disable CA1031 // The interim bubble is a courtesy; the reply itself is what must not be lost.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DeliveryLog.LoopFailed(_logger, "interim", 0, PiiMasker.Mask(ex.Message));
        }
    }
}
