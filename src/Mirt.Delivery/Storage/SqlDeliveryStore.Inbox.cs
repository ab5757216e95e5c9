namespace Mirt.Delivery.Storage;

/// <content>Accepts webhook messages and reads them back.</content>
internal sealed partial class SqlDeliveryStore
{
    /// <inheritdoc />
    public Task<AcceptResult> AcceptAsync(InboundMessage message, DateTimeOffset now, TimeSpan dedupWindow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.SubscriberId, nameof(message));
        ArgumentNullException.ThrowIfNull(message.ContentHash, nameof(message));
        ArgumentOutOfRangeException.ThrowIfLessThan(dedupWindow, TimeSpan.Zero);
        var at = DeliveryTime.Ms(now);
        var subscriber = message.SubscriberId;
        return WriteAsync(
            "accept",
            async session =>
            {
                // The lock makes two deliveries of the same webhook racing on two replicas store one message. All
                // statements go in one round trip: each write repeats the duplicate check as its condition, which
                // reads the same under the lock, since only an accept (holding it) inserts inbox rows.
                EnqueueLockConversation(session, subscriber, create: true);
                var notDuplicate = string.Empty;
                List<long> original = [];
                if (dedupWindow > TimeSpan.Zero)
                {
                    var duplicates = $"""
                        SELECT id FROM {_t.Inbox}
                        WHERE subscriber_id = @subscriber AND content_hash = @hash AND accepted_at >= @since
                        """;
                    original = session.EnqueueQuery(
                        $"{duplicates} ORDER BY id DESC LIMIT 1",
                        r => r.GetInt64(0),
                        ("@subscriber", subscriber),
                        ("@hash", message.ContentHash),
                        ("@since", at - DeliveryTime.Ms(dedupWindow)));
                    notDuplicate = $"AND NOT EXISTS ({duplicates})";
                }

                session.Enqueue(
                    $"UPDATE {_t.Conversations} SET last_customer_at = @at WHERE subscriber_id = @subscriber {notDuplicate}",
                    ("@at", at),
                    ("@subscriber", subscriber),
                    ("@hash", message.ContentHash),
                    ("@since", at - DeliveryTime.Ms(dedupWindow)));
                var stored = session.EnqueueQuery(
                    $"""
                    INSERT INTO {_t.Inbox} (subscriber_id, accepted_at, content_hash, text, image_url, first_name, status)
                    SELECT @subscriber, @at, @hash, @text, @image, @name, CASE WHEN c.handoff_reason IS NULL THEN @pending ELSE @held END
                    FROM {_t.Conversations} c WHERE c.subscriber_id = @subscriber {notDuplicate}
                    RETURNING id, status
                    """,
                    r => (Id: r.GetInt64(0), Held: r.GetString(1) == InboxStatus.Held),
                    ("@subscriber", subscriber),
                    ("@at", at),
                    ("@hash", message.ContentHash),
                    ("@text", message.Text ?? string.Empty),
                    ("@image", message.ImageUrl),
                    ("@name", message.FirstName),
                    ("@pending", InboxStatus.Pending),
                    ("@held", InboxStatus.Held),
                    ("@since", at - DeliveryTime.Ms(dedupWindow)));
                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                if (original.Count > 0)
                {
                    return new AcceptResult(AcceptOutcome.Duplicate, original[0]);
                }

                return new AcceptResult(stored[0].Held ? AcceptOutcome.Held : AcceptOutcome.Accepted, stored[0].Id);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<InboxMessage?> GetMessageAsync(long messageId, CancellationToken cancellationToken = default) =>
        ReadAsync(
            "get_message",
            async session =>
            {
                var rows = await session.ListAsync($"{_t.SelectMessages} WHERE i.id = @id", DeliveryRows.Message, cancellationToken, ("@id", messageId)).ConfigureAwait(false);
                return rows.Count == 0 ? null : rows[0];
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> TrySetAnswerAsync(long messageId, string answerJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answerJson);

        // One conditional statement: in PostgreSQL a second writer waits for the first row lock, then re-checks the
        // condition and changes nothing.
        return WriteAsync(
            "set_answer",
            async session =>
            {
                var set = session.Enqueue(
                    $"UPDATE {_t.Inbox} SET answer_json = @answer WHERE id = @id AND answer_json IS NULL",
                    ("@answer", answerJson),
                    ("@id", messageId));
                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                return set.RecordsAffected == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> HasNewerMessageAsync(long messageId, CancellationToken cancellationToken = default) =>
        ReadAsync(
            "has_newer_message",
            async session => await session.Int64Async(
                $"""
                SELECT 1 FROM {_t.Inbox} m
                WHERE m.id = @id AND EXISTS (
                    SELECT 1 FROM {_t.Inbox} n
                    WHERE n.subscriber_id = m.subscriber_id AND n.id > m.id AND n.status <> @held)
                """,
                cancellationToken,
                ("@id", messageId),
                ("@held", InboxStatus.Held)).ConfigureAwait(false) is not null,
            cancellationToken);
}
