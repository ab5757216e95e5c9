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
                // The lock makes two deliveries of the same webhook racing on two replicas store one message.
                var conversation = await LockConversationAsync(session, subscriber, create: true, cancellationToken).ConfigureAwait(false);
                if (dedupWindow > TimeSpan.Zero)
                {
                    var original = await session.Int64Async(
                        $"""
                        SELECT id FROM {_t.Inbox}
                        WHERE subscriber_id = @subscriber AND content_hash = @hash AND accepted_at >= @since
                        ORDER BY id DESC LIMIT 1
                        """,
                        cancellationToken,
                        ("@subscriber", subscriber),
                        ("@hash", message.ContentHash),
                        ("@since", at - DeliveryTime.Ms(dedupWindow))).ConfigureAwait(false);
                    if (original is { } originalId)
                    {
                        return new AcceptResult(AcceptOutcome.Duplicate, originalId);
                    }
                }

                var held = conversation!.HandoffReason is not null;
                var id = await session.Int64Async(
                    $"""
                    INSERT INTO {_t.Inbox} (subscriber_id, accepted_at, content_hash, text, image_url, first_name, status)
                    VALUES (@subscriber, @at, @hash, @text, @image, @name, @status)
                    RETURNING id
                    """,
                    cancellationToken,
                    ("@subscriber", subscriber),
                    ("@at", at),
                    ("@hash", message.ContentHash),
                    ("@text", message.Text ?? string.Empty),
                    ("@image", message.ImageUrl),
                    ("@name", message.FirstName),
                    ("@status", held ? InboxStatus.Held : InboxStatus.Pending)).ConfigureAwait(false);
                await session.ExecuteAsync(
                    $"UPDATE {_t.Conversations} SET last_customer_at = @at WHERE subscriber_id = @subscriber",
                    cancellationToken,
                    ("@at", at),
                    ("@subscriber", subscriber)).ConfigureAwait(false);
                return new AcceptResult(held ? AcceptOutcome.Held : AcceptOutcome.Accepted, id!.Value);
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
            async session => await session.ExecuteAsync(
                $"UPDATE {_t.Inbox} SET answer_json = @answer WHERE id = @id AND answer_json IS NULL",
                cancellationToken,
                ("@answer", answerJson),
                ("@id", messageId)).ConfigureAwait(false) == 1,
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
