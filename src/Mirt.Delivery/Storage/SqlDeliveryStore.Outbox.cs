namespace Mirt.Delivery.Storage;

/// <content>Hands reply rows to the waiting webhook, records push results and lists rows.</content>
internal sealed partial class SqlDeliveryStore
{
    private static readonly string[] StartedPushStates = [OutboxState.Sending, OutboxState.Sent, OutboxState.Failed, OutboxState.Uncertain];

    /// <inheritdoc />
    /// <remarks>All or nothing: when any reply row of the turn has started a push (sending or beyond), the webhook gets
    /// none, so a reply is never split between the inline answer and pushes. Runs under the subscriber's lock, like
    /// <see cref="MarkSendingAsync"/>, so the two cannot interleave.</remarks>
    public Task<IReadOnlyList<OutboxItem>> TryClaimInlineAsync(string turnId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(turnId);
        var at = DeliveryTime.Ms(now);
        return WriteAsync<IReadOnlyList<OutboxItem>>(
            "claim_inline",
            async session =>
            {
                var subscribers = await session.ListAsync(
                    $"SELECT subscriber_id FROM {_t.Turns} WHERE turn_id = @turn",
                    r => r.GetString(0),
                    cancellationToken,
                    ("@turn", turnId)).ConfigureAwait(false);
                if (subscribers.Count == 0)
                {
                    return [];
                }

                await LockConversationAsync(session, subscribers[0], create: false, cancellationToken).ConfigureAwait(false);
                var rows = await session.ListAsync(
                    $"{_t.SelectOutbox} WHERE o.turn_id = @turn AND o.kind = @reply ORDER BY o.seq, o.id",
                    DeliveryRows.Outbox,
                    cancellationToken,
                    ("@turn", turnId),
                    ("@reply", OutboxKind.Reply)).ConfigureAwait(false);
                if (rows.Any(row => StartedPushStates.Contains(row.Item.State, StringComparer.Ordinal)))
                {
                    return [];
                }

                var claimed = rows.Where(row => row.Item.State == OutboxState.Pending && row.InlineUntil > at).Select(row => row.Item).ToList();
                foreach (var item in claimed)
                {
                    await session.ExecuteAsync(
                        $"UPDATE {_t.Outbox} SET state = @inline, updated_at = @now WHERE id = @id AND state = @pending",
                        cancellationToken,
                        ("@inline", OutboxState.Inline),
                        ("@now", at),
                        ("@id", item.Id),
                        ("@pending", OutboxState.Pending)).ConfigureAwait(false);
                }

                return claimed.Select(item => item with { State = OutboxState.Inline }).ToList();
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Changes only a row still in <see cref="OutboxState.Sending"/>: final states never change, so a result
    /// that arrives after the row was declared uncertain is dropped.</remarks>
    public Task RecordPushAsync(long outboxId, PushResult result, string? error, DateTimeOffset now, DateTimeOffset? retryAt = null, CancellationToken cancellationToken = default)
    {
        var state = result switch
        {
            PushResult.Sent => OutboxState.Sent,
            PushResult.Failed => OutboxState.Failed,
            PushResult.Retry => OutboxState.Pending,
            PushResult.Uncertain => OutboxState.Uncertain,
            _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Use one of the PushResult values."),
        };
        var at = DeliveryTime.Ms(now);
        return WriteAsync(
            "record_push",
            session => session.ExecuteAsync(
                $"""
                UPDATE {_t.Outbox} SET state = @state, last_error = @error, updated_at = @now,
                    not_before = CASE WHEN @retry = 1 THEN @retryAt ELSE not_before END
                WHERE id = @id AND state = @sending
                """,
                cancellationToken,
                ("@state", state),
                ("@error", error),
                ("@now", at),
                ("@retry", result == PushResult.Retry ? 1 : 0),
                ("@retryAt", retryAt is { } retry ? DeliveryTime.Ms(retry) : at),
                ("@id", outboxId),
                ("@sending", OutboxState.Sending)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxItem>> ListOutboxAsync(string subscriberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriberId);
        return ReadAsync<IReadOnlyList<OutboxItem>>(
            "list_outbox",
            async session => (await session.ListAsync(
                $"{_t.SelectOutbox} WHERE o.subscriber_id = @subscriber ORDER BY o.id",
                DeliveryRows.Outbox,
                cancellationToken,
                ("@subscriber", subscriberId)).ConfigureAwait(false)).Select(row => row.Item).ToList(),
            cancellationToken);
    }
}
