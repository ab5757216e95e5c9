namespace Mirt.Graph.Postgres;

/// <summary>Holds the SQL of every saver operation for one schema, built once when the saver opens.</summary>
/// <remarks>Parameters are named (<c>@thread</c>); Npgsql binds them positionally. Maintenance statements lock the
/// affected <c>checkpoint_heads</c> rows first, in key order (no deadlocks between two maintenance calls), so they never
/// interleave with a put of the same thread: a put's blobs can then never be garbage-collected under it.</remarks>
internal sealed class PostgresSql(string s)
{
    /// <summary>Sets the statement and lock timeouts for the rest of the transaction (transaction-pooling mode).</summary>
    public const string SetLocalTimeouts = "SELECT set_config('statement_timeout', @statement, true), set_config('lock_timeout', @lock, true)";

    /// <summary>Locks the thread's head row and checks the head; raises MR409 on a mismatch.</summary>
    public string LockHead { get; } = $"SELECT {s}.lock_head(@thread, @ns, @expect, @expected)";

    /// <summary>Stores channel values; a (channel, version) stored already keeps its first value.</summary>
    public string InsertBlobs { get; } = $"""
        INSERT INTO {s}.checkpoint_blobs (thread_id, ns, channel, version, value)
        SELECT @thread, @ns, b.channel, b.version, b.value
        FROM unnest(@channels::text[], @versions::bigint[], @values::text[]) AS b(channel, version, value)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Stores the checkpoint row; a reused id fails with a unique violation on <c>checkpoints_pkey</c>.</summary>
    public string InsertCheckpoint { get; } = $"""
        INSERT INTO {s}.checkpoints
            (thread_id, ns, checkpoint_id, parent_id, step, created_at, created_ticks, next, graph_version, versions, metadata)
        VALUES (@thread, @ns, @id, @parent, @step, @created_at, @created_ticks, @next, @graph_version, @versions::jsonb, @metadata::jsonb)
        """;

    /// <summary>Stores pending writes: regular ones keep the first value, special ones (negative index) replace it.</summary>
    public string InsertWrites { get; } = $"""
        INSERT INTO {s}.checkpoint_writes (thread_id, ns, checkpoint_id, task_path, task_id, idx, channel, value)
        SELECT @thread, @ns, @checkpoint, @task_path, @task_id, w.idx, w.channel, w.value
        FROM unnest(@indexes::integer[], @channels::text[], @values::text[]) AS w(idx, channel, value)
        ON CONFLICT (thread_id, ns, checkpoint_id, task_path, task_id, idx)
        DO UPDATE SET channel = excluded.channel, value = excluded.value WHERE excluded.idx < 0
        """;

    /// <summary>Selects checkpoints with their values (joined through the version map) and pending writes, one row each;
    /// append a WHERE clause, ORDER BY and LIMIT.</summary>
    public string SelectTuples { get; } = $"""
        SELECT c.thread_id, c.ns, c.checkpoint_id, c.parent_id, c.step, c.created_ticks, c.next, c.graph_version,
               c.versions::text, c.metadata::text, v.channels, v.vals, w.task_ids, w.channels, w.vals
        FROM {s}.checkpoints c
        LEFT JOIN LATERAL (
            SELECT array_agg(b.channel) AS channels, array_agg(b.value) AS vals
            FROM jsonb_each_text(c.versions) AS cv(channel, version)
            JOIN {s}.checkpoint_blobs b
              ON b.thread_id = c.thread_id AND b.ns = c.ns AND b.channel = cv.channel AND b.version = cv.version::bigint
            WHERE b.value IS NOT NULL) v ON true
        LEFT JOIN LATERAL (
            SELECT array_agg(pw.task_id ORDER BY pw.task_path, pw.task_id, pw.idx) AS task_ids,
                   array_agg(pw.channel ORDER BY pw.task_path, pw.task_id, pw.idx) AS channels,
                   array_agg(pw.value ORDER BY pw.task_path, pw.task_id, pw.idx) AS vals
            FROM {s}.checkpoint_writes pw
            WHERE pw.thread_id = c.thread_id AND pw.ns = c.ns AND pw.checkpoint_id = c.checkpoint_id) w ON true
        """;

    /// <summary>Locks every head row of the threads in <c>@threads</c>, in key order.</summary>
    public string LockThreads { get; } = $"SELECT 1 FROM {s}.checkpoint_heads WHERE thread_id = ANY(@threads) ORDER BY thread_id, ns FOR UPDATE";

    /// <summary>Deletes everything of the threads in <c>@threads</c>: four statements to run in order.</summary>
    public IReadOnlyList<string> DeleteThreads { get; } =
    [
        $"DELETE FROM {s}.checkpoint_writes WHERE thread_id = ANY(@threads)",
        $"DELETE FROM {s}.checkpoint_blobs WHERE thread_id = ANY(@threads)",
        $"DELETE FROM {s}.checkpoints WHERE thread_id = ANY(@threads)",
        $"DELETE FROM {s}.checkpoint_heads WHERE thread_id = ANY(@threads)",
    ];

    /// <summary>Deletes every checkpoint of the threads in <c>@threads</c> but the latest of each namespace, with their
    /// pending writes.</summary>
    public string DeleteAllButLatest { get; } = $"""
        WITH doomed AS (
            DELETE FROM {s}.checkpoints c
            WHERE c.thread_id = ANY(@threads)
              AND c.checkpoint_id < (SELECT max(l.checkpoint_id) FROM {s}.checkpoints l WHERE l.thread_id = c.thread_id AND l.ns = c.ns)
            RETURNING c.thread_id, c.ns, c.checkpoint_id)
        DELETE FROM {s}.checkpoint_writes w USING doomed d
        WHERE w.thread_id = d.thread_id AND w.ns = d.ns AND w.checkpoint_id = d.checkpoint_id
        """;

    /// <summary>Deletes the channel values of the threads in <c>@threads</c> that no remaining checkpoint references.
    /// Run it as its own statement after the deletes, so it sees them.</summary>
    public string CollectBlobs { get; } = $"""
        WITH referenced AS MATERIALIZED (
            SELECT c.thread_id, c.ns, r.channel, r.version::bigint AS version
            FROM {s}.checkpoints c CROSS JOIN LATERAL jsonb_each_text(c.versions) AS r(channel, version)
            WHERE c.thread_id = ANY(@threads))
        DELETE FROM {s}.checkpoint_blobs b
        WHERE b.thread_id = ANY(@threads)
          AND NOT EXISTS (SELECT 1 FROM referenced r
                          WHERE r.thread_id = b.thread_id AND r.ns = b.ns AND r.channel = b.channel AND r.version = b.version)
        """;

    /// <summary>Locks the head rows of the threads that hold a checkpoint of the runs in <c>@runs</c> and returns those threads.</summary>
    public string LockRunThreads { get; } = $"""
        SELECT h.thread_id FROM {s}.checkpoint_heads h
        WHERE h.thread_id IN (SELECT c.thread_id FROM {s}.checkpoints c WHERE c.metadata ->> 'run_id' = ANY(@runs))
        ORDER BY h.thread_id, h.ns FOR UPDATE
        """;

    /// <summary>Deletes the checkpoints of the runs in <c>@runs</c> within <c>@threads</c>, with their pending writes.</summary>
    public string DeleteRuns { get; } = $"""
        WITH doomed AS (
            DELETE FROM {s}.checkpoints c
            WHERE c.thread_id = ANY(@threads) AND c.metadata ->> 'run_id' = ANY(@runs)
            RETURNING c.thread_id, c.ns, c.checkpoint_id)
        DELETE FROM {s}.checkpoint_writes w USING doomed d
        WHERE w.thread_id = d.thread_id AND w.ns = d.ns AND w.checkpoint_id = d.checkpoint_id
        """;

    /// <summary>Locks the head rows of up to <c>@batch</c> threads that hold a checkpoint older than <c>@cutoff</c>
    /// (ticks) which is not their namespace's latest, and returns those threads.</summary>
    public string LockExpiredThreads { get; } = $"""
        SELECT h.thread_id FROM {s}.checkpoint_heads h
        WHERE h.thread_id IN (
            SELECT DISTINCT c.thread_id FROM {s}.checkpoints c
            WHERE c.created_ticks < @cutoff
              AND EXISTS (SELECT 1 FROM {s}.checkpoints n WHERE n.thread_id = c.thread_id AND n.ns = c.ns AND n.checkpoint_id > c.checkpoint_id)
            LIMIT @batch)
        ORDER BY h.thread_id, h.ns FOR UPDATE
        """;

    /// <summary>Deletes the checkpoints of <c>@threads</c> older than <c>@cutoff</c> (ticks) except each namespace's
    /// latest, with their pending writes; returns how many checkpoints it deleted.</summary>
    public string DeleteExpired { get; } = $"""
        WITH doomed AS (
            DELETE FROM {s}.checkpoints c
            WHERE c.thread_id = ANY(@threads) AND c.created_ticks < @cutoff
              AND c.checkpoint_id < (SELECT max(l.checkpoint_id) FROM {s}.checkpoints l WHERE l.thread_id = c.thread_id AND l.ns = c.ns)
            RETURNING c.thread_id, c.ns, c.checkpoint_id),
        writes AS (
            DELETE FROM {s}.checkpoint_writes w USING doomed d
            WHERE w.thread_id = d.thread_id AND w.ns = d.ns AND w.checkpoint_id = d.checkpoint_id)
        SELECT count(*) FROM doomed
        """;

    /// <summary>Locks the head rows of <c>@source</c> and <c>@target</c> and tells whether the target holds a checkpoint.</summary>
    public string LockCopy { get; } = $"""
        SELECT 1 FROM {s}.checkpoint_heads WHERE thread_id IN (@source, @target) ORDER BY thread_id, ns FOR UPDATE
        """;

    /// <summary>Tells whether <c>@target</c> holds a checkpoint.</summary>
    public string TargetHasCheckpoints { get; } = $"SELECT EXISTS (SELECT 1 FROM {s}.checkpoints WHERE thread_id = @target)";

    /// <summary>Copies every row of <c>@source</c> to <c>@target</c>: four statements to run in order.</summary>
    public IReadOnlyList<string> CopyThread { get; } =
    [
        $"""
        INSERT INTO {s}.checkpoints
            (thread_id, ns, checkpoint_id, parent_id, step, created_at, created_ticks, next, graph_version, versions, metadata)
        SELECT @target, ns, checkpoint_id, parent_id, step, created_at, created_ticks, next, graph_version, versions, metadata
        FROM {s}.checkpoints WHERE thread_id = @source
        """,
        $"""
        INSERT INTO {s}.checkpoint_blobs (thread_id, ns, channel, version, value)
        SELECT @target, ns, channel, version, value FROM {s}.checkpoint_blobs WHERE thread_id = @source
        ON CONFLICT DO NOTHING
        """,
        $"""
        INSERT INTO {s}.checkpoint_writes (thread_id, ns, checkpoint_id, task_path, task_id, idx, channel, value)
        SELECT @target, ns, checkpoint_id, task_path, task_id, idx, channel, value FROM {s}.checkpoint_writes WHERE thread_id = @source
        ON CONFLICT DO NOTHING
        """,
        $"""
        INSERT INTO {s}.checkpoint_heads (thread_id, ns)
        SELECT @target, ns FROM {s}.checkpoint_heads WHERE thread_id = @source
        ON CONFLICT DO NOTHING
        """,
    ];
}
