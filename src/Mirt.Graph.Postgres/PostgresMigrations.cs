namespace Mirt.Graph.Postgres;

/// <summary>Holds the versioned schema migrations; <c>{schema}</c> stands for the quoted schema name.</summary>
/// <remarks>Append new versions at the end; never edit a released one, because databases that applied it keep it.</remarks>
internal static class PostgresMigrations
{
    /// <summary>The SQLSTATE the head compare-and-set raises when the thread's head is not the expected one.</summary>
    public const string HeadConflictSqlState = "MR409";

    /// <summary>Starts the message of a head conflict; the actual head follows, quoted as <c>quote_nullable</c> does.</summary>
    public const string HeadConflictPrefix = "checkpoint head conflict; actual head ";

    // Version 1. Ids and addresses use the "C" collation so ORDER BY and max() compare bytes, which is the ordinal
    // order the contract defines for ids (for the ASCII ids IIdGenerator makes). Values are text, not jsonb, so they
    // come back exactly as written. created_ticks keeps .NET's 100 ns resolution; created_at is for people and tools.
    private const string Version1 = """
        CREATE TABLE {schema}.checkpoints (
            thread_id     text COLLATE "C" NOT NULL,
            ns            text COLLATE "C" NOT NULL,
            checkpoint_id text COLLATE "C" NOT NULL,
            parent_id     text COLLATE "C" NULL,
            step          integer     NOT NULL,
            created_at    timestamptz NOT NULL,
            created_ticks bigint      NOT NULL,
            next          text[]      NOT NULL,
            graph_version integer     NOT NULL,
            versions      jsonb       NOT NULL,
            metadata      jsonb       NOT NULL,
            PRIMARY KEY (thread_id, ns, checkpoint_id)
        );
        CREATE INDEX checkpoints_created_ticks ON {schema}.checkpoints (created_ticks);
        CREATE INDEX checkpoints_run_id ON {schema}.checkpoints ((metadata ->> 'run_id'));

        CREATE TABLE {schema}.checkpoint_blobs (
            thread_id text COLLATE "C" NOT NULL,
            ns        text COLLATE "C" NOT NULL,
            channel   text COLLATE "C" NOT NULL,
            version   bigint NOT NULL,
            value     text   NULL,
            PRIMARY KEY (thread_id, ns, channel, version)
        );

        CREATE TABLE {schema}.checkpoint_writes (
            thread_id     text COLLATE "C" NOT NULL,
            ns            text COLLATE "C" NOT NULL,
            checkpoint_id text COLLATE "C" NOT NULL,
            task_path     text COLLATE "C" NOT NULL,
            task_id       text COLLATE "C" NOT NULL,
            idx           integer NOT NULL,
            channel       text    NOT NULL,
            value         text    NOT NULL,
            PRIMARY KEY (thread_id, ns, checkpoint_id, task_path, task_id, idx)
        );

        -- One row per (thread, namespace): the row every put locks, so puts of one thread run one after another and
        -- the head check below sees every committed put. The head itself is max(checkpoint_id), so deletes never
        -- have to keep a copy of it up to date.
        CREATE TABLE {schema}.checkpoint_heads (
            thread_id text COLLATE "C" NOT NULL,
            ns        text COLLATE "C" NOT NULL,
            PRIMARY KEY (thread_id, ns)
        );

        -- Locks the (thread, namespace) row, creating it on the first put, then checks the head:
        -- p_expect 0 = any (lock only), 1 = no checkpoint yet, 2 = p_expected is the latest.
        -- A failed check raises SQLSTATE MR409, which aborts the whole batch the put runs in.
        CREATE FUNCTION {schema}.lock_head(p_thread text, p_ns text, p_expect integer, p_expected text)
        RETURNS void
        LANGUAGE plpgsql VOLATILE
        AS $fn$
        DECLARE
            actual text;
        BEGIN
            LOOP
                PERFORM 1 FROM {schema}.checkpoint_heads WHERE thread_id = p_thread AND ns = p_ns FOR UPDATE;
                EXIT WHEN FOUND;
                -- Waits for a concurrent first put of the thread; our own uncommitted row locks it for us.
                INSERT INTO {schema}.checkpoint_heads (thread_id, ns) VALUES (p_thread, p_ns) ON CONFLICT DO NOTHING;
                EXIT WHEN FOUND;
            END LOOP;
            IF p_expect = 0 THEN
                RETURN;
            END IF;
            -- A new statement, so in READ COMMITTED it sees every put committed before we got the lock.
            SELECT max(checkpoint_id) INTO actual FROM {schema}.checkpoints WHERE thread_id = p_thread AND ns = p_ns;
            IF (p_expect = 1 AND actual IS NOT NULL) OR (p_expect = 2 AND actual IS DISTINCT FROM p_expected) THEN
                RAISE EXCEPTION USING
                    ERRCODE = 'MR409',
                    MESSAGE = 'checkpoint head conflict; actual head ' || quote_nullable(actual),
                    HINT = 'Another writer advanced the thread; reload the latest checkpoint and retry.';
            END IF;
        END
        $fn$;
        """;

    // Version 2. The head check read max(checkpoint_id), which PostgreSQL planned as an aggregate over every index
    // entry of the thread: a put cost O(checkpoints in the conversation), 0.5 ms at 600 checkpoints and growing. An
    // ORDER BY … DESC LIMIT 1 is a backward index scan that stops at the first entry, whatever the thread's length.
    private const string Version2 = """
        CREATE OR REPLACE FUNCTION {schema}.lock_head(p_thread text, p_ns text, p_expect integer, p_expected text)
        RETURNS void
        LANGUAGE plpgsql VOLATILE
        AS $fn$
        DECLARE
            actual text;
        BEGIN
            LOOP
                PERFORM 1 FROM {schema}.checkpoint_heads WHERE thread_id = p_thread AND ns = p_ns FOR UPDATE;
                EXIT WHEN FOUND;
                -- Waits for a concurrent first put of the thread; our own uncommitted row locks it for us.
                INSERT INTO {schema}.checkpoint_heads (thread_id, ns) VALUES (p_thread, p_ns) ON CONFLICT DO NOTHING;
                EXIT WHEN FOUND;
            END LOOP;
            IF p_expect = 0 THEN
                RETURN;
            END IF;
            -- A new statement, so in READ COMMITTED it sees every put committed before we got the lock.
            SELECT checkpoint_id INTO actual FROM {schema}.checkpoints
            WHERE thread_id = p_thread AND ns = p_ns
            ORDER BY checkpoint_id DESC
            LIMIT 1;
            IF (p_expect = 1 AND actual IS NOT NULL) OR (p_expect = 2 AND actual IS DISTINCT FROM p_expected) THEN
                RAISE EXCEPTION USING
                    ERRCODE = 'MR409',
                    MESSAGE = 'checkpoint head conflict; actual head ' || quote_nullable(actual),
                    HINT = 'Another writer advanced the thread; reload the latest checkpoint and retry.';
            END IF;
        END
        $fn$;
        """;

    private static readonly string[] All = [Version1, Version2];

    /// <summary>Gets the schema version this build writes.</summary>
    public static int Latest => All.Length;

    /// <summary>Gets the SQL of one migration for a schema.</summary>
    /// <param name="version">The version, 1 to <see cref="Latest"/>.</param>
    /// <param name="quotedSchema">The quoted schema name.</param>
    /// <returns>The SQL.</returns>
    public static string Sql(int version, string quotedSchema) => All[version - 1].Replace("{schema}", quotedSchema, StringComparison.Ordinal);
}
