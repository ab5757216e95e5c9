using System.Globalization;

namespace Mirt.Delivery.Storage;

/// <content>Reads and releases handoffs, finds follow-up candidates, sums up the backlog and prunes.</content>
internal sealed partial class SqlDeliveryStore
{
    private static readonly string[] FinalOutboxStates = [OutboxState.Inline, OutboxState.Sent, OutboxState.Failed, OutboxState.Uncertain];

    /// <inheritdoc />
    public Task<string?> GetHandoffAsync(string subscriberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriberId);
        return ReadAsync(
            "get_handoff",
            async session => (await session.ListAsync(
                $"SELECT handoff_reason FROM {_t.Conversations} WHERE subscriber_id = @subscriber AND handoff_reason IS NOT NULL",
                r => r.GetString(0),
                cancellationToken,
                ("@subscriber", subscriberId)).ConfigureAwait(false)).FirstOrDefault(),
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Messages held during the handoff stay held: the human saw and answered them.</remarks>
    public Task<bool> ReleaseHandoffAsync(string subscriberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriberId);
        return WriteAsync(
            "release_handoff",
            async session =>
            {
                var released = session.Enqueue(
                    $"UPDATE {_t.Conversations} SET handoff_reason = NULL, handoff_at = NULL WHERE subscriber_id = @subscriber AND handoff_reason IS NOT NULL",
                    ("@subscriber", subscriberId));
                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                return released.RecordsAffected == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FollowUpCandidate>> FindFollowUpCandidatesAsync(
        IReadOnlyCollection<string> states,
        DateTimeOffset silentSince,
        DateTimeOffset windowStart,
        int limit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (states.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<FollowUpCandidate>>([]);
        }

        var parameters = new List<(string Name, object? Value)>
        {
            ("@silent", DeliveryTime.Ms(silentSince)),
            ("@windowStart", DeliveryTime.Ms(windowStart)),
            ("@pending", InboxStatus.Pending),
            ("@processing", InboxStatus.Processing),
            ("@limit", limit),
        };
        var names = states.Select((state, i) =>
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"@state{i}");
            parameters.Add((name, state));
            return name;
        }).ToList();
        var sql = $"""
            SELECT c.subscriber_id, c.state, c.last_customer_at FROM {_t.Conversations} c
            WHERE c.state IN ({string.Join(", ", names)})
              AND c.last_customer_at <= @silent AND c.last_customer_at > @windowStart
              AND c.handoff_reason IS NULL
              AND NOT EXISTS (SELECT 1 FROM {_t.Inbox} i WHERE i.subscriber_id = c.subscriber_id AND i.status IN (@pending, @processing))
              AND NOT EXISTS (SELECT 1 FROM {_t.Outbox} o WHERE o.idempotency_key = 'followup:' || c.subscriber_id || ':' || c.state)
            ORDER BY c.last_customer_at, c.subscriber_id
            LIMIT @limit
            """;
        return ReadAsync<IReadOnlyList<FollowUpCandidate>>(
            "find_follow_ups",
            async session => await session.ListAsync(
                sql,
                r => new FollowUpCandidate(r.GetString(0), r.GetString(1), DeliveryTime.At(r.GetInt64(2))),
                cancellationToken,
                [.. parameters]).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<DeliveryBacklog> GetBacklogAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var at = DeliveryTime.Ms(now);
        return ReadAsync(
            "get_backlog",
            async session => (await session.ListAsync(
                $"""
                SELECT
                    (SELECT COUNT(*) FROM {_t.Inbox} WHERE status IN (@pending, @processing)),
                    (SELECT MIN(accepted_at) FROM {_t.Inbox} WHERE status IN (@pending, @processing)),
                    (SELECT COUNT(*) FROM {_t.Outbox} WHERE state IN (@pending, @sending)),
                    (SELECT MIN(created_at) FROM {_t.Outbox} WHERE state IN (@pending, @sending)),
                    (SELECT COUNT(*) FROM {_t.Outbox} WHERE state = @uncertain),
                    (SELECT COUNT(*) FROM {_t.Outbox} WHERE state = @failed),
                    (SELECT COUNT(*) FROM {_t.Conversations} WHERE handoff_reason IS NOT NULL)
                """,
                r => new DeliveryBacklog(
                    r.GetInt64(0),
                    Age(at, DeliveryRows.NullableInt64(r, 1)),
                    r.GetInt64(2),
                    Age(at, DeliveryRows.NullableInt64(r, 3)),
                    r.GetInt64(4),
                    r.GetInt64(5),
                    r.GetInt64(6)),
                cancellationToken,
                ("@pending", InboxStatus.Pending),
                ("@processing", InboxStatus.Processing),
                ("@sending", OutboxState.Sending),
                ("@uncertain", OutboxState.Uncertain),
                ("@failed", OutboxState.Failed)).ConfigureAwait(false))[0],
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var cutoff = DeliveryTime.Ms(before);
        return WriteAsync(
            "prune",
            async session =>
            {
                long deleted = await session.ExecuteAsync(
                    $"DELETE FROM {_t.Inbox} WHERE status IN (@done, @held) AND accepted_at < @before",
                    cancellationToken,
                    ("@done", InboxStatus.Done),
                    ("@held", InboxStatus.Held),
                    ("@before", cutoff)).ConfigureAwait(false);
                deleted += await session.ExecuteAsync(
                    $"DELETE FROM {_t.Turns} WHERE completed_at IS NOT NULL AND created_at < @before",
                    cancellationToken,
                    ("@before", cutoff)).ConfigureAwait(false);
                deleted += await session.ExecuteAsync(
                    $"DELETE FROM {_t.Outbox} WHERE state IN (@s0, @s1, @s2, @s3) AND kind <> @followUp AND created_at < @before",
                    cancellationToken,
                    ("@s0", FinalOutboxStates[0]),
                    ("@s1", FinalOutboxStates[1]),
                    ("@s2", FinalOutboxStates[2]),
                    ("@s3", FinalOutboxStates[3]),
                    ("@followUp", OutboxKind.FollowUp),
                    ("@before", cutoff)).ConfigureAwait(false);
                return deleted;
            },
            cancellationToken);
    }

    private static double Age(long now, long? since) => since is { } at ? Math.Max(0, now - at) : 0;
}
