using Mirt.Delivery;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Sales.Delivery;

namespace Mirt.Host.Delivery;

/// <summary>
/// Answers one accepted webhook message (see docs/OPERATIONS.md, Reply modes): stores it before anything else, then,
/// in hybrid mode, races its turn against the inline deadline — the reply inline when the turn finished in time, the
/// acknowledgement otherwise (the reply is then pushed); an empty answer when the message was merged into a turn
/// another webhook answers, in push mode, and while a human has the conversation. A re-delivered webhook gets the
/// original's answer.
/// </summary>
internal sealed class WebhookAnswerer
{
    private readonly DeliveryRuntime _runtime;
    private readonly TurnDispatcher _turns;
    private readonly ILogger _logger;

    /// <summary>Creates the answerer.</summary>
    /// <param name="runtime">The delivery runtime.</param>
    /// <param name="turns">Starts the message's turn once its debounce window has passed.</param>
    /// <param name="logger">Where answers are logged.</param>
    public WebhookAnswerer(DeliveryRuntime runtime, TurnDispatcher turns, ILogger logger)
    {
        _runtime = runtime;
        _turns = turns;
        _logger = logger;
    }

    /// <summary>Stores the message and waits for what to answer.</summary>
    /// <param name="message">The message.</param>
    /// <param name="aborted">Fires when ManyChat hung up: the wait ends and the reply, if any, is pushed instead.</param>
    /// <returns>The answer's kind (<c>reply</c>, <c>ack</c>, <c>empty</c>, <c>duplicate</c>) and Dynamic Block JSON.</returns>
    /// <exception cref="Exception">The store failed to accept the message (the caller answers 503: nothing was
    /// acknowledged, so nothing is lost). A store failure after acceptance is answered with the acknowledgement (the
    /// stored message is answered later, by push).</exception>
    public async Task<(string Kind, string Json)> AnswerAsync(InboundMessage message, CancellationToken aborted)
    {
        var acceptedAt = _runtime.Now;
        var accepted = await _runtime.Store.AcceptAsync(message, acceptedAt, _runtime.Settings.DedupWindow, CancellationToken.None).ConfigureAwait(false);
        DeliveryTelemetry.Message(accepted.Outcome);
        switch (accepted.Outcome)
        {
            case AcceptOutcome.Duplicate:
                DeliveryLog.Duplicate(_logger, message.SubscriberId, accepted.MessageId);
                var original = await OriginalAnswerAsync(message, accepted.MessageId, acceptedAt, aborted).ConfigureAwait(false);
                DeliveryTelemetry.Answer("duplicate");
                return ("duplicate", original);
            case AcceptOutcome.Held:
                DeliveryLog.Held(_logger, message.SubscriberId, accepted.MessageId);
                return await RecordAsync(message.SubscriberId, accepted.MessageId, "empty", OutboxContent.EmptyAnswer).ConfigureAwait(false);
        }

        _ = StartTurnWhenQuietAsync(message.SubscriberId);
        if (_runtime.Mode == ReplyMode.Push)
        {
            return await RecordAsync(message.SubscriberId, accepted.MessageId, "empty", OutboxContent.EmptyAnswer).ConfigureAwait(false);
        }

        var hasPhoto = message.ImageUrl is not null;
        var deadline = DeadlineOf(acceptedAt, hasPhoto);
        try
        {
            var (kind, json) = await WaitForTurnAsync(message.SubscriberId, accepted.MessageId, deadline, aborted).ConfigureAwait(false)
                ?? await DeadlinePassedAsync(message, accepted.MessageId, acceptedAt, hasPhoto).ConfigureAwait(false);
            return await RecordAsync(message.SubscriberId, accepted.MessageId, kind, json).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The message is stored, so it is not lost: its turn runs (or resumes) when the store is back and the reply
            // is pushed. The customer hears the acknowledgement now rather than ManyChat's fallback.
            DeliveryLog.LoopFailed(_logger, "webhook_wait", 0, Web.PiiMasker.Mask(ex.Message));
            var answer = _runtime.Mode == ReplyMode.Response ? ("empty", OutboxContent.EmptyAnswer) : Acknowledgement(hasPhoto);
            DeliveryTelemetry.Answer(answer.Item1);
            return answer;
        }
    }

    // The fast path: this replica claims the turn itself once the window is quiet, instead of waiting for the poll loop.
    // A newer message restarts the window, so this claim then finds nothing and the newer message's webhook claims.
    private async Task StartTurnWhenQuietAsync(string subscriberId)
    {
        try
        {
            if (_runtime.Settings.Debounce > TimeSpan.Zero)
            {
                await Task.Delay(_runtime.Settings.Debounce, _runtime.Time).ConfigureAwait(false);
            }

            await _turns.TryStartAsync(subscriberId, waitForSlot: true, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The poll loop claims the turn instead; the message is safe in the store.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DeliveryLog.LoopFailed(_logger, "webhook_claim", _runtime.Settings.Poll.TotalMilliseconds, Web.PiiMasker.Mask(ex.Message));
        }
    }

    // Null when the deadline passed (or ManyChat hung up) before the message's turn decided the answer.
    private async Task<(string Kind, string Json)?> WaitForTurnAsync(string subscriberId, long messageId, DateTimeOffset deadline, CancellationToken aborted)
    {
        // Nothing can be decided the instant the message is stored: wait for the first pulse (the turn claimed or done
        // here) or one poll interval before reading the store.
        await _runtime.Pulses.WaitAsync(subscriberId, _runtime.Settings.Poll, _runtime.Time, aborted).ConfigureAwait(false);
        while (!aborted.IsCancellationRequested)
        {
            var stored = await _runtime.Store.GetMessageAsync(messageId, CancellationToken.None).ConfigureAwait(false);
            if (stored is { TurnId: { } turnId })
            {
                if (stored.TurnLastMessageId != messageId)
                {
                    return ("empty", OutboxContent.EmptyAnswer); // merged: the newest message's webhook answers the turn
                }

                if (stored.TurnCompleted)
                {
                    var rows = await _runtime.Store.TryClaimInlineAsync(turnId, _runtime.Now, CancellationToken.None).ConfigureAwait(false);
                    return rows.Count > 0
                        ? ("reply", OutboxContent.InlineAnswer(rows.Select(r => r.ContentJson), _runtime.Settings.FoldInlineBubbles))
                        : ("empty", OutboxContent.EmptyAnswer);
                }
            }

            if (!await WaitForNextLookAsync(subscriberId, deadline, aborted).ConfigureAwait(false))
            {
                return null;
            }
        }

        return null;
    }

    private async Task<(string Kind, string Json)> DeadlinePassedAsync(InboundMessage message, long messageId, DateTimeOffset acceptedAt, bool hasPhoto)
    {
        // One acknowledgement per burst: a newer message's webhook acknowledges (or answers) for it. Response mode has
        // nothing to promise: without push the late reply cannot arrive.
        if (_runtime.Mode == ReplyMode.Response || await _runtime.Store.HasNewerMessageAsync(messageId, CancellationToken.None).ConfigureAwait(false))
        {
            return ("empty", OutboxContent.EmptyAnswer);
        }

        var waitedMs = Math.Round((_runtime.Now - acceptedAt).TotalMilliseconds);
        DeliveryLog.Acknowledged(_logger, message.SubscriberId, messageId, waitedMs);
        return Acknowledgement(hasPhoto);
    }

    // A duplicate waits (as long as the original's webhook could) for the original's answer and repeats it.
    private async Task<string> OriginalAnswerAsync(InboundMessage message, long originalId, DateTimeOffset acceptedAt, CancellationToken aborted)
    {
        var deadline = DeadlineOf(acceptedAt, message.ImageUrl is not null);
        while (!aborted.IsCancellationRequested)
        {
            var original = await _runtime.Store.GetMessageAsync(originalId, CancellationToken.None).ConfigureAwait(false);
            if (original?.AnswerJson is { } answer)
            {
                return answer;
            }

            if (!await WaitForNextLookAsync(message.SubscriberId, deadline, aborted).ConfigureAwait(false))
            {
                break;
            }
        }

        return OutboxContent.EmptyAnswer;
    }

    // How long a webhook may wait for its answer: the inline deadline, or in response mode the response wait.
    private DateTimeOffset DeadlineOf(DateTimeOffset acceptedAt, bool hasPhoto) =>
        acceptedAt + (_runtime.Mode == ReplyMode.Response ? _runtime.Settings.ResponseWait : _runtime.Settings.DeadlineFor(hasPhoto));

    // Waits for the subscriber's next pulse, at most a poll interval and never past the deadline; false once it passed.
    private async Task<bool> WaitForNextLookAsync(string subscriberId, DateTimeOffset deadline, CancellationToken aborted)
    {
        var left = deadline - _runtime.Now;
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        await _runtime.Pulses.WaitAsync(subscriberId, left < _runtime.Settings.Poll ? left : _runtime.Settings.Poll, _runtime.Time, aborted).ConfigureAwait(false);
        return true;
    }

    private (string Kind, string Json) Acknowledgement(bool hasPhoto) =>
        ("ack", OutboxContent.TextAnswer(_runtime.Assistant.PromptRenderer.Render(hasPhoto ? DeliveryTemplates.AckPhoto : DeliveryTemplates.Ack, NoModel.Instance)));

    // The answer is stored for re-deliveries of this message, which may be waiting for it right now.
    private async Task<(string Kind, string Json)> RecordAsync(string subscriberId, long messageId, string kind, string json)
    {
        // Only a re-delivery reads the stored answer; without deduplication the write would be a wasted commit per message.
        if (_runtime.Settings.DedupWindow > TimeSpan.Zero)
        {
            await _runtime.Store.TrySetAnswerAsync(messageId, json, CancellationToken.None).ConfigureAwait(false);
            _runtime.Pulses.Pulse(subscriberId);
        }

        DeliveryTelemetry.Answer(kind);
        return (kind, json);
    }
}
