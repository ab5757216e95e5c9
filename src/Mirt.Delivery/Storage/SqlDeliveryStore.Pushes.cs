namespace Mirt.Delivery.Storage;

/// <content>Finds due pushes, takes push leases and guards each send.</content>
internal sealed partial class SqlDeliveryStore
{
    /// <inheritdoc />
    /// <remarks>A subscriber counts only when its first pending row is due: a later due row behind a row that is not
    /// due yet could not be claimed, and listing it would make a dispatcher spin.</remarks>
    public Task<IReadOnlyList<string>> FindDuePushesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ReadAsync<IReadOnlyList<string>>(
            "find_due_pushes",
            async session => await session.ListAsync(
                $"""
                SELECT o.subscriber_id, MIN(o.id) AS first_id
                FROM {_t.Outbox} o JOIN {_t.Conversations} c ON c.subscriber_id = o.subscriber_id
                WHERE (c.push_owner IS NULL OR c.push_until <= @now)
                  AND (o.state = @sending
                       OR (o.state = @pending AND o.not_before <= @now AND (o.inline_until IS NULL OR o.inline_until <= @now)
                           AND o.id = (SELECT MIN(p.id) FROM {_t.Outbox} p WHERE p.subscriber_id = o.subscriber_id AND p.state = @pending)))
                GROUP BY o.subscriber_id
                ORDER BY first_id
                LIMIT @limit
                """,
                r => r.GetString(0),
                cancellationToken,
                ("@now", DeliveryTime.Ms(now)),
                ("@sending", OutboxState.Sending),
                ("@pending", OutboxState.Pending),
                ("@limit", limit)).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Since a live lease blocks every claim, any row still <see cref="OutboxState.Sending"/> at claim time
    /// was left by an owner whose lease ran out or who released it mid-send.</remarks>
    public Task<PushClaim?> TryClaimPushesAsync(string subscriberId, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriberId);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var at = DeliveryTime.Ms(now);
        return WriteAsync(
            "claim_pushes",
            async session =>
            {
                // One round trip locks and reads the rows; a second takes the lease and commits.
                var conversations = EnqueueLockConversation(session, subscriberId, create: false);
                var rows = session.EnqueueQuery(
                    $"{_t.SelectOutbox} WHERE o.subscriber_id = @subscriber AND o.state IN (@sending, @pending) ORDER BY o.id",
                    DeliveryRows.Outbox,
                    ("@subscriber", subscriberId),
                    ("@sending", OutboxState.Sending),
                    ("@pending", OutboxState.Pending));
                await session.FlushAsync(cancellationToken).ConfigureAwait(false);
                var conversation = conversations.Count == 0 ? null : conversations[0];
                if (conversation is null || conversation.PushLeaseLive(at))
                {
                    return null;
                }

                var abandoned = rows.Where(row => row.Item.State == OutboxState.Sending).Select(row => row.Item with { State = OutboxState.Uncertain }).ToList();
                var due = rows.Where(row => row.Item.State == OutboxState.Pending).TakeWhile(row => row.IsDue(at)).Select(row => row.Item).ToList();
                if (due.Count == 0 && abandoned.Count == 0)
                {
                    return null;
                }

                if (abandoned.Count > 0)
                {
                    session.Enqueue(
                        $"UPDATE {_t.Outbox} SET state = @uncertain, last_error = @error, updated_at = @now WHERE subscriber_id = @subscriber AND state = @sending",
                        ("@uncertain", OutboxState.Uncertain),
                        ("@error", "abandoned: the push owner's lease ran out while the row was sending"),
                        ("@now", at),
                        ("@subscriber", subscriberId),
                        ("@sending", OutboxState.Sending));
                    DeliveryLog.PushAbandoned(_logger, subscriberId, abandoned.Count, conversation.PushOwner);
                }

                session.Enqueue(
                    $"UPDATE {_t.Conversations} SET push_owner = @owner, push_until = @until WHERE subscriber_id = @subscriber",
                    ("@owner", owner),
                    ("@until", at + DeliveryTime.Ms(lease)),
                    ("@subscriber", subscriberId));
                return new PushClaim(subscriberId, due, abandoned);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> MarkSendingAsync(long outboxId, string owner, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var at = DeliveryTime.Ms(now);
        return WriteAsync(
            "mark_sending",
            async session =>
            {
                // The lock orders this against an inline claim of the same rows: exactly one of them wins each row. The
                // update runs after the lock is taken and checks the lease it now holds still, all in one round trip.
                session.EnqueueQuery(
                    $"""
                    SELECT c.subscriber_id FROM {_t.Conversations} c JOIN {_t.Outbox} o ON o.subscriber_id = c.subscriber_id
                    WHERE o.id = @id{_database.ForUpdateOf("c")}
                    """,
                    r => r.GetString(0),
                    ("@id", outboxId));
                var marked = session.Enqueue(
                    $"""
                    UPDATE {_t.Outbox} SET state = @sending, attempts = attempts + 1, updated_at = @now
                    WHERE id = @id AND state = @pending AND EXISTS (
                        SELECT 1 FROM {_t.Conversations} c
                        WHERE c.subscriber_id = {_t.Outbox}.subscriber_id AND c.push_owner = @owner AND c.push_until > @now)
                    """,
                    ("@sending", OutboxState.Sending),
                    ("@now", at),
                    ("@id", outboxId),
                    ("@pending", OutboxState.Pending),
                    ("@owner", owner));
                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                return marked.RecordsAffected == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task ReleasePushLeaseAsync(string subscriberId, string owner, CancellationToken cancellationToken = default) =>
        ReleaseLeaseAsync("release_push_lease", "push", subscriberId, owner, cancellationToken);
}
