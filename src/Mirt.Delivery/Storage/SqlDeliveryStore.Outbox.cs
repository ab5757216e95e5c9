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
                // One round trip: lock the turn's subscriber, read the turn's reply rows, then claim them with one
                // update whose conditions are the rule itself (the turn exists, no row started a push, each row
                // pending and inline-able), so what it returns is exactly what the rule claims at that moment.
                session.EnqueueQuery(
                    $"""
                    SELECT c.subscriber_id FROM {_t.Conversations} c JOIN {_t.Turns} t ON t.subscriber_id = c.subscriber_id
                    WHERE t.turn_id = @turn{_database.ForUpdateOf("c")}
                    """,
                    r => r.GetString(0),
                    ("@turn", turnId));
                var rows = session.EnqueueQuery(
                    $"{_t.SelectOutbox} WHERE o.turn_id = @turn AND o.kind = @reply ORDER BY o.seq, o.id",
                    r => DeliveryRows.Outbox(r).Item,
                    ("@turn", turnId),
                    ("@reply", OutboxKind.Reply));
                var claimed = session.EnqueueQuery(
                    $"""
                    UPDATE {_t.Outbox} SET state = @inline, updated_at = @now
                    WHERE turn_id = @turn AND kind = @reply AND state = @pending AND inline_until > @now
                      AND EXISTS (SELECT 1 FROM {_t.Turns} t WHERE t.turn_id = @turn)
                      AND NOT EXISTS (
                          SELECT 1 FROM {_t.Outbox} s
                          WHERE s.turn_id = @turn AND s.kind = @reply AND s.state IN (@started0, @started1, @started2, @started3))
                    RETURNING id
                    """,
                    r => r.GetInt64(0),
                    ("@inline", OutboxState.Inline),
                    ("@now", at),
                    ("@turn", turnId),
                    ("@reply", OutboxKind.Reply),
                    ("@pending", OutboxState.Pending),
                    ("@started0", StartedPushStates[0]),
                    ("@started1", StartedPushStates[1]),
                    ("@started2", StartedPushStates[2]),
                    ("@started3", StartedPushStates[3]));
                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                return rows.Where(item => claimed.Contains(item.Id)).Select(item => item with { State = OutboxState.Inline }).ToList();
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
            session => Task.FromResult(session.Enqueue(
                $"""
                UPDATE {_t.Outbox} SET state = @state, last_error = @error, updated_at = @now,
                    not_before = CASE WHEN @retry = 1 THEN @retryAt ELSE not_before END
                WHERE id = @id AND state = @sending
                """,
                ("@state", state),
                ("@error", error),
                ("@now", at),
                ("@retry", result == PushResult.Retry ? 1 : 0),
                ("@retryAt", retryAt is { } retry ? DeliveryTime.Ms(retry) : at),
                ("@id", outboxId),
                ("@sending", OutboxState.Sending))),
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
