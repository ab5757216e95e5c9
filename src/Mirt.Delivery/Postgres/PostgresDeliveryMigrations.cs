namespace Mirt.Delivery.Postgres;

/// <summary>Holds the versioned migrations of the delivery tables; <c>{schema}</c> stands for the quoted schema name.</summary>
/// <remarks>Append new versions at the end; never edit a released one, because databases that applied it keep it.
/// Times are Unix milliseconds (<c>bigint</c>), the caller's clock, as in the SQLite store.</remarks>
internal static class PostgresDeliveryMigrations
{
    // Ids use the "C" collation so ordering compares bytes, as SQLite does.
    private const string Version1 = """
        CREATE TABLE {schema}.delivery_conversations (
            subscriber_id    text COLLATE "C" NOT NULL PRIMARY KEY,
            last_customer_at bigint NULL,
            state            text   NULL,
            intent           text   NULL,
            handoff_reason   text   NULL,
            handoff_at       bigint NULL,
            turn_owner       text   NULL,
            turn_until       bigint NULL,
            push_owner       text   NULL,
            push_until       bigint NULL
        );
        CREATE INDEX delivery_conversations_follow_up ON {schema}.delivery_conversations (state, last_customer_at);

        CREATE TABLE {schema}.delivery_inbox (
            id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            subscriber_id text COLLATE "C" NOT NULL,
            accepted_at   bigint NOT NULL,
            content_hash  text   NOT NULL,
            text          text   NOT NULL,
            image_url     text   NULL,
            first_name    text   NULL,
            status        text   NOT NULL,
            turn_id       text COLLATE "C" NULL,
            answer_json   text   NULL
        );
        CREATE INDEX delivery_inbox_subscriber_status ON {schema}.delivery_inbox (subscriber_id, status, id);
        CREATE INDEX delivery_inbox_dedup ON {schema}.delivery_inbox (subscriber_id, content_hash, accepted_at);
        CREATE INDEX delivery_inbox_status ON {schema}.delivery_inbox (status, accepted_at);
        CREATE INDEX delivery_inbox_turn ON {schema}.delivery_inbox (turn_id);

        CREATE TABLE {schema}.delivery_turns (
            turn_id         text COLLATE "C" NOT NULL PRIMARY KEY,
            subscriber_id   text COLLATE "C" NOT NULL,
            last_message_id bigint NOT NULL,
            created_at      bigint NOT NULL,
            completed_at    bigint NULL
        );
        CREATE INDEX delivery_turns_open ON {schema}.delivery_turns (subscriber_id) WHERE completed_at IS NULL;
        CREATE INDEX delivery_turns_created ON {schema}.delivery_turns (created_at);

        CREATE TABLE {schema}.delivery_outbox (
            id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            idempotency_key text COLLATE "C" NOT NULL UNIQUE,
            subscriber_id   text COLLATE "C" NOT NULL,
            turn_id         text COLLATE "C" NULL,
            kind            text    NOT NULL,
            seq             integer NOT NULL,
            content_json    text    NOT NULL,
            created_at      bigint  NOT NULL,
            not_before      bigint  NOT NULL,
            inline_until    bigint  NULL,
            state           text    NOT NULL,
            attempts        integer NOT NULL DEFAULT 0,
            last_error      text    NULL,
            updated_at      bigint  NOT NULL
        );
        CREATE INDEX delivery_outbox_subscriber_state ON {schema}.delivery_outbox (subscriber_id, state, id);
        CREATE INDEX delivery_outbox_state ON {schema}.delivery_outbox (state, created_at);
        CREATE INDEX delivery_outbox_turn ON {schema}.delivery_outbox (turn_id);
        """;

    private static readonly string[] All = [Version1];

    /// <summary>Gets the schema version this build writes.</summary>
    public static int Latest => All.Length;

    /// <summary>Gets the SQL of one migration for a schema.</summary>
    /// <param name="version">The version, 1 to <see cref="Latest"/>.</param>
    /// <param name="quotedSchema">The quoted schema name.</param>
    /// <returns>The SQL.</returns>
    public static string Sql(int version, string quotedSchema) => All[version - 1].Replace("{schema}", quotedSchema, StringComparison.Ordinal);
}
