namespace Mirt.Delivery.Storage;

/// <content>Finishes turns and inserts outbox rows.</content>
internal sealed partial class SqlDeliveryStore
{
    /// <inheritdoc />
    /// <remarks>A handoff that starts here also holds the messages that arrived while the turn ran: a human has the
    /// conversation now, so no turn may answer them.</remarks>
    /// <exception cref="ArgumentException">An outbox row names another subscriber than the turn.</exception>
    public Task<bool> CompleteTurnAsync(TurnCompletion completion, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completion);
        ArgumentException.ThrowIfNullOrWhiteSpace(completion.TurnId, nameof(completion));
        ArgumentException.ThrowIfNullOrWhiteSpace(completion.SubscriberId, nameof(completion));
        ArgumentException.ThrowIfNullOrWhiteSpace(completion.Owner, nameof(completion));
        ArgumentNullException.ThrowIfNull(completion.State, nameof(completion));
        ArgumentNullException.ThrowIfNull(completion.Intent, nameof(completion));
        ArgumentNullException.ThrowIfNull(completion.Outbox, nameof(completion));
        foreach (var draft in completion.Outbox)
        {
            ValidateDraft(draft);
            if (!string.Equals(draft.SubscriberId, completion.SubscriberId, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Outbox row '{draft.IdempotencyKey}' is for subscriber '{draft.SubscriberId}', but turn '{completion.TurnId}' is of '{completion.SubscriberId}'; a turn only writes rows to its own subscriber.",
                    nameof(completion));
            }
        }

        var at = DeliveryTime.Ms(now);
        var subscriber = completion.SubscriberId;
        return WriteAsync(
            "complete_turn",
            async session =>
            {
                // One round trip locks and reads the turn; a second (a third when a handoff starts) writes and commits.
                EnqueueLockConversation(session, subscriber, create: true);
                var turns = session.EnqueueQuery(
                    $"SELECT subscriber_id, completed_at FROM {_t.Turns} WHERE turn_id = @turn",
                    r => (Subscriber: r.GetString(0), Completed: !r.IsDBNull(1)),
                    ("@turn", completion.TurnId));
                await session.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (turns.Count == 0 || !string.Equals(turns[0].Subscriber, subscriber, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"No turn '{completion.TurnId}' of subscriber '{subscriber}' exists; complete only turns TryClaimTurnAsync returned.");
                }

                if (turns[0].Completed)
                {
                    return false;
                }

                await FinishTurnAsync(session, completion, at, cancellationToken).ConfigureAwait(false);
                foreach (var draft in completion.Outbox)
                {
                    EnqueueDraft(session, draft, at);
                }

                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> EnqueueAsync(OutboxDraft draft, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ValidateDraft(draft);
        return WriteAsync(
            "enqueue",
            async session =>
            {
                // Locked like every outbox insert of the subscriber, so its ids become visible in push order.
                EnqueueLockConversation(session, draft.SubscriberId, create: true);
                var inserted = EnqueueDraft(session, draft, DeliveryTime.Ms(now));
                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                return inserted.RecordsAffected == 1;
            },
            cancellationToken);
    }

    private static void ValidateDraft(OutboxDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.IdempotencyKey, nameof(draft));
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.SubscriberId, nameof(draft));
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Kind, nameof(draft));
        ArgumentNullException.ThrowIfNull(draft.ContentJson, nameof(draft));
    }

    /// <summary>Queues the turn's writes; only a handoff that starts here needs a round trip of its own, since the
    /// messages it holds depend on whether it started.</summary>
    private async Task FinishTurnAsync(DeliverySession session, TurnCompletion completion, long at, CancellationToken cancellationToken)
    {
        session.Enqueue(
            $"UPDATE {_t.Turns} SET completed_at = @now WHERE turn_id = @turn",
            ("@now", at),
            ("@turn", completion.TurnId));
        session.Enqueue(
            $"UPDATE {_t.Inbox} SET status = @done WHERE turn_id = @turn AND status = @processing",
            ("@done", InboxStatus.Done),
            ("@turn", completion.TurnId),
            ("@processing", InboxStatus.Processing));
        session.Enqueue(
            $"""
            UPDATE {_t.Conversations} SET state = @state, intent = @intent,
                turn_until = CASE WHEN turn_owner = @owner THEN NULL ELSE turn_until END,
                turn_owner = CASE WHEN turn_owner = @owner THEN NULL ELSE turn_owner END
            WHERE subscriber_id = @subscriber
            """,
            ("@state", completion.State),
            ("@intent", completion.Intent),
            ("@owner", completion.Owner),
            ("@subscriber", completion.SubscriberId));
        if (completion.HandoffReason is null)
        {
            return;
        }

        var started = await session.ExecuteAsync(
            $"UPDATE {_t.Conversations} SET handoff_reason = @reason, handoff_at = @now WHERE subscriber_id = @subscriber AND handoff_reason IS NULL",
            cancellationToken,
            ("@reason", completion.HandoffReason),
            ("@now", at),
            ("@subscriber", completion.SubscriberId)).ConfigureAwait(false);
        if (started == 1)
        {
            session.Enqueue(
                $"UPDATE {_t.Inbox} SET status = @held WHERE subscriber_id = @subscriber AND status = @pending",
                ("@held", InboxStatus.Held),
                ("@subscriber", completion.SubscriberId),
                ("@pending", InboxStatus.Pending));
        }
    }

    /// <summary>Queues the insert of one outbox row; it changes one row unless the idempotency key exists.</summary>
    private DeliveryStatement EnqueueDraft(DeliverySession session, OutboxDraft draft, long at) =>
        session.Enqueue(
            $"""
            INSERT INTO {_t.Outbox}
                (idempotency_key, subscriber_id, turn_id, kind, seq, content_json, created_at, not_before, inline_until, state, attempts, updated_at)
            VALUES (@key, @subscriber, @turn, @kind, @seq, @content, @now, @notBefore, @inlineUntil, @pending, 0, @now)
            ON CONFLICT (idempotency_key) DO NOTHING
            """,
            ("@key", draft.IdempotencyKey),
            ("@subscriber", draft.SubscriberId),
            ("@turn", draft.TurnId),
            ("@kind", draft.Kind),
            ("@seq", draft.Sequence),
            ("@content", draft.ContentJson),
            ("@now", at),
            ("@notBefore", DeliveryTime.Ms(draft.NotBefore)),
            ("@inlineUntil", draft.InlineUntil is { } inline ? DeliveryTime.Ms(inline) : null),
            ("@pending", OutboxState.Pending));
}
