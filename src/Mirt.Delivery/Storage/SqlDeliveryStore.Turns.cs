namespace Mirt.Delivery.Storage;

/// <content>Finds, claims, renews and releases turns.</content>
internal sealed partial class SqlDeliveryStore
{
    /// <inheritdoc />
    /// <remarks>A processing message always belongs to an unfinished turn (and only then), so "unfinished turn"
    /// reads as "has a processing message"; the query starts from the inbox's status index, not from every conversation.</remarks>
    public Task<IReadOnlyList<string>> FindClaimableTurnsAsync(DateTimeOffset now, TimeSpan quiet, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quiet, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var at = DeliveryTime.Ms(now);
        return ReadAsync<IReadOnlyList<string>>(
            "find_claimable_turns",
            async session => await session.ListAsync(
                $"""
                SELECT i.subscriber_id, MIN(i.accepted_at) AS oldest
                FROM {_t.Inbox} i JOIN {_t.Conversations} c ON c.subscriber_id = i.subscriber_id
                WHERE i.status IN (@pending, @processing) AND (c.turn_owner IS NULL OR c.turn_until <= @now)
                GROUP BY i.subscriber_id
                HAVING SUM(CASE WHEN i.status = @processing THEN 1 ELSE 0 END) > 0
                    OR MAX(CASE WHEN i.status = @pending THEN i.accepted_at END) <= @cutoff
                ORDER BY oldest, i.subscriber_id
                LIMIT @limit
                """,
                r => r.GetString(0),
                cancellationToken,
                ("@pending", InboxStatus.Pending),
                ("@processing", InboxStatus.Processing),
                ("@now", at),
                ("@cutoff", at - DeliveryTime.Ms(quiet)),
                ("@limit", limit)).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<TurnClaim?> TryClaimTurnAsync(string subscriberId, string owner, DateTimeOffset now, TimeSpan quiet, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriberId);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(quiet, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var at = DeliveryTime.Ms(now);
        return WriteAsync(
            "claim_turn",
            async session =>
            {
                // One round trip reads everything the decision needs (the reads run under the lock), a second writes
                // the claim, reads its messages and commits.
                var conversations = EnqueueLockConversation(session, subscriberId, create: false);
                var open = session.EnqueueQuery(
                    $"SELECT turn_id FROM {_t.Turns} WHERE subscriber_id = @subscriber AND completed_at IS NULL",
                    r => r.GetString(0),
                    ("@subscriber", subscriberId));
                var pending = session.EnqueueQuery(
                    $"SELECT id, accepted_at, image_url FROM {_t.Inbox} WHERE subscriber_id = @subscriber AND status = @pending ORDER BY id",
                    r => new PendingMessage(r.GetInt64(0), r.GetInt64(1), !r.IsDBNull(2)),
                    ("@subscriber", subscriberId),
                    ("@pending", InboxStatus.Pending));
                await session.FlushAsync(cancellationToken).ConfigureAwait(false);
                var conversation = conversations.Count == 0 ? null : conversations[0];
                if (conversation is null || conversation.TurnLeaseLive(at))
                {
                    return null;
                }

                var resumed = open.Count > 0;
                var turnId = resumed ? open[0] : EnqueueStartTurn(session, subscriberId, pending, at, at - DeliveryTime.Ms(quiet));
                if (turnId is null)
                {
                    return null;
                }

                session.Enqueue(
                    $"UPDATE {_t.Conversations} SET turn_owner = @owner, turn_until = @until WHERE subscriber_id = @subscriber",
                    ("@owner", owner),
                    ("@until", at + DeliveryTime.Ms(lease)),
                    ("@subscriber", subscriberId));
                var messages = session.EnqueueQuery(
                    $"{_t.SelectMessages} WHERE i.turn_id = @turn ORDER BY i.id",
                    DeliveryRows.Message,
                    ("@turn", turnId));
                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                if (resumed)
                {
                    DeliveryLog.TurnResumed(_logger, turnId, subscriberId, owner, conversation.TurnOwner);
                }

                return new TurnClaim(turnId, subscriberId, messages, resumed);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RenewTurnLeaseAsync(string subscriberId, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriberId);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        return WriteAsync(
            "renew_turn_lease",
            async session =>
            {
                var renewed = session.Enqueue(
                    $"UPDATE {_t.Conversations} SET turn_until = @until WHERE subscriber_id = @subscriber AND turn_owner = @owner",
                    ("@until", DeliveryTime.Ms(now) + DeliveryTime.Ms(lease)),
                    ("@subscriber", subscriberId),
                    ("@owner", owner));
                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                return renewed.RecordsAffected == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task ReleaseTurnLeaseAsync(string subscriberId, string owner, CancellationToken cancellationToken = default) =>
        ReleaseLeaseAsync("release_turn_lease", "turn", subscriberId, owner, cancellationToken);

    /// <summary>Clears one of a conversation's two leases (<c>turn_…</c> or <c>push_…</c> columns) when the owner holds it.</summary>
    private Task<DeliveryStatement> ReleaseLeaseAsync(string operation, string lease, string subscriberId, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriberId);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return WriteAsync(
            operation,
            session => Task.FromResult(session.Enqueue(
                $"UPDATE {_t.Conversations} SET {lease}_owner = NULL, {lease}_until = NULL WHERE subscriber_id = @subscriber AND {lease}_owner = @owner",
                ("@subscriber", subscriberId),
                ("@owner", owner))),
            cancellationToken);
    }

    /// <summary>Queues a new turn of the pending messages, when the newest is old enough.</summary>
    /// <param name="session">The write session, holding the subscriber's lock.</param>
    /// <param name="subscriberId">The customer.</param>
    /// <param name="pending">The subscriber's pending messages in id order, read under the lock.</param>
    /// <param name="now">The current time, Unix ms.</param>
    /// <param name="cutoff">The newest acceptance time that is quiet enough, Unix ms.</param>
    /// <returns>The new turn's id, or <see langword="null"/> when nothing is claimable.</returns>
    private string? EnqueueStartTurn(DeliverySession session, string subscriberId, List<PendingMessage> pending, long now, long cutoff)
    {
        if (pending.Count == 0 || pending.Max(m => m.AcceptedAt) > cutoff)
        {
            return null;
        }

        // A turn looks at one photo: a second photo starts the next turn, with everything after it.
        var take = 0;
        var photos = 0;
        while (take < pending.Count && !(pending[take].HasPhoto && photos == 1))
        {
            photos += pending[take].HasPhoto ? 1 : 0;
            take++;
        }

        var first = pending[0].Id;
        var last = pending[take - 1].Id;
        var turnId = $"{subscriberId}:{first}";
        session.Enqueue(
            $"INSERT INTO {_t.Turns} (turn_id, subscriber_id, last_message_id, created_at) VALUES (@turn, @subscriber, @last, @now)",
            ("@turn", turnId),
            ("@subscriber", subscriberId),
            ("@last", last),
            ("@now", now));
        session.Enqueue(
            $"""
            UPDATE {_t.Inbox} SET status = @processing, turn_id = @turn
            WHERE subscriber_id = @subscriber AND status = @pending AND id >= @first AND id <= @last
            """,
            ("@processing", InboxStatus.Processing),
            ("@turn", turnId),
            ("@subscriber", subscriberId),
            ("@pending", InboxStatus.Pending),
            ("@first", first),
            ("@last", last));
        return turnId;
    }
}
