using Mirt.Delivery;
using Mirt.Host.ManyChat;
using Mirt.Host.Web;

namespace Mirt.Host.Delivery;

/// <summary>
/// Sends the due rows of one claimed subscriber in order and records each result: sent; failed for good (outside the
/// 24 h window, channel refused, content rejected; logged and surfaced to a human); retried later when the call surely
/// never reached ManyChat; uncertain (never resent) when it may have.
/// </summary>
internal sealed class PushSender
{
    private readonly DeliveryRuntime _runtime;
    private readonly EscalationMarker _marker;
    private readonly ILogger _logger;

    /// <summary>Creates the sender.</summary>
    /// <param name="runtime">The delivery runtime.</param>
    /// <param name="marker">Surfaces undeliverable conversations to a human.</param>
    /// <param name="logger">Where push events are logged.</param>
    public PushSender(DeliveryRuntime runtime, EscalationMarker marker, ILogger logger)
    {
        _runtime = runtime;
        _marker = marker;
        _logger = logger;
    }

    /// <summary>Pushes a claim's rows, then releases the push lease. Never throws.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>How many rows were sent.</returns>
    public async Task<int> PushAsync(PushClaim claim)
    {
        var sent = 0;
        try
        {
            foreach (var abandoned in claim.Abandoned)
            {
                using var release = Mirt.Graph.Diagnostics.TelemetryContext.UseRelease(_runtime.Assistant.ReleaseFor(abandoned.SubscriberId));
                DeliveryLog.PushUncertain(_logger, abandoned.SubscriberId, abandoned.Kind, abandoned.IdempotencyKey);
                DeliveryTelemetry.Push(abandoned.Kind, PushResult.Uncertain);
            }

            OutboxItem? previous = null;
            foreach (var item in claim.Due)
            {
                await PauseLikeTypingAsync(previous, item).ConfigureAwait(false);
                if (!await _runtime.Store.MarkSendingAsync(item.Id, _runtime.Owner, _runtime.Now).ConfigureAwait(false))
                {
                    break; // the lease ran out: another replica owns this subscriber's pushes now
                }

                var result = await SendAsync(item).ConfigureAwait(false);
                sent += result == PushResult.Sent ? 1 : 0;
                previous = item;
                if (result == PushResult.Retry)
                {
                    break; // later rows must not overtake this one
                }
            }
        }
#pragma warning disable CA1031 // The rows stay in the store; the lease runs out and the push is claimed again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DeliveryLog.LoopFailed(_logger, "push", 0, PiiMasker.Mask(ex.Message));
        }
        finally
        {
            await ReleaseAsync(claim.SubscriberId).ConfigureAwait(false);
        }

        return sent;
    }

    private async Task<PushResult> SendAsync(OutboxItem item)
    {
        using var release = Mirt.Graph.Diagnostics.TelemetryContext.UseRelease(_runtime.Assistant.ReleaseFor(item.SubscriberId));
        var (result, reason, retryIn) = await CallAsync(item).ConfigureAwait(false);
        var now = _runtime.Now;
        await _runtime.Store.RecordPushAsync(item.Id, result, reason, now, result == PushResult.Retry ? now + retryIn : null).ConfigureAwait(false);
        DeliveryTelemetry.Push(item.Kind, result);
        switch (result)
        {
            case PushResult.Sent:
                DeliveryLog.PushSent(_logger, item.SubscriberId, item.Kind, item.IdempotencyKey, item.Attempts + 1);
                break;
            case PushResult.Retry:
                DeliveryLog.PushRetry(_logger, item.SubscriberId, item.IdempotencyKey, reason ?? "transient", retryIn.TotalMilliseconds);
                _runtime.PushWake.WakeAfter(retryIn);
                break;
            case PushResult.Uncertain:
                DeliveryLog.PushUncertain(_logger, item.SubscriberId, item.Kind, item.IdempotencyKey);
                break;
            default:
                DeliveryLog.PushFailed(_logger, item.SubscriberId, item.Kind, item.IdempotencyKey, reason ?? "refused");
                if (item.Kind != OutboxKind.FollowUp)
                {
                    await _marker.TagForHumanAsync(item.SubscriberId).ConfigureAwait(false);
                }

                break;
        }

        return result;
    }

    private async Task<(PushResult Result, string? Reason, TimeSpan RetryIn)> CallAsync(OutboxItem item)
    {
        if (_runtime.Client is not { } client)
        {
            return (PushResult.Failed, "no_push_api: the webhook was gone before the reply was ready and MIRT_MANYCHAT_API_KEY is not set", TimeSpan.Zero);
        }

        if (item.LastCustomerAt is not { } last || _runtime.Now - last >= DeliverySettings.MessagingWindow)
        {
            return (PushResult.Failed, "outside_24h_window: not sent (Instagram allows automated messages only within 24 h of the customer's last message)", TimeSpan.Zero);
        }

        var answer = await client.SendContentAsync(item.SubscriberId, OutboxContent.Read(item.ContentJson)).ConfigureAwait(false);
        var reason = answer.IsSuccess ? null : PiiMasker.Mask($"{answer.Outcome} {answer.Code} {answer.Error}".Trim());
        var backoff = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, item.Attempts)));
        return answer.Outcome switch
        {
            ManyChatOutcome.Sent => (PushResult.Sent, null, TimeSpan.Zero),
            ManyChatOutcome.RateLimited => (PushResult.Retry, reason, backoff),
            // A wrong key is an operator's error, not the customer's: keep the reply until the key is fixed.
            ManyChatOutcome.Unauthorized => (PushResult.Retry, reason, TimeSpan.FromSeconds(30)),
            ManyChatOutcome.Transient when answer.MaybeDelivered => (PushResult.Uncertain, reason, TimeSpan.Zero),
            ManyChatOutcome.Transient => (PushResult.Retry, reason, backoff),
            _ => (PushResult.Failed, reason, TimeSpan.Zero),
        };
    }

    // A human types the next bubble; a capped pause per character reads naturally and keeps Instagram's order.
    private Task PauseLikeTypingAsync(OutboxItem? previous, OutboxItem next)
    {
        if (previous is null || previous.TurnId != next.TurnId || previous.TurnId is null)
        {
            return Task.CompletedTask;
        }

        var characters = OutboxContent.Read(next.ContentJson).Messages.Sum(m => m.Text.Length);
        var pause = TimeSpan.FromTicks(Math.Min(_runtime.Settings.TypingMax.Ticks, _runtime.Settings.TypingPerCharacter.Ticks * characters));
        return pause > TimeSpan.Zero ? Task.Delay(pause, _runtime.Time) : Task.CompletedTask;
    }

    private async Task ReleaseAsync(string subscriberId)
    {
        try
        {
            await _runtime.Store.ReleasePushLeaseAsync(subscriberId, _runtime.Owner).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // An unreleased lease only runs out later.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DeliveryLog.LoopFailed(_logger, "push_release", 0, PiiMasker.Mask(ex.Message));
        }
    }
}
