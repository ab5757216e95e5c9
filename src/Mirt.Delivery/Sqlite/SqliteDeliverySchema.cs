using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Mirt.Delivery.Sqlite;

/// <summary>Creates and upgrades the delivery tables of a SQLite file.</summary>
/// <remarks>
/// Each migration runs once, recorded in <c>delivery_migrations</c> (the checkpoint store keeps its own
/// <c>schema_version</c> in the same file). All pending migrations run in one <c>BEGIN IMMEDIATE</c> transaction, so
/// two processes opening the file at once serialise on the write lock and the second applies nothing. Append new
/// versions at the end; never edit a released one. Times are Unix milliseconds.
/// </remarks>
internal static class SqliteDeliverySchema
{
    private const string Version1 = """
        CREATE TABLE delivery_conversations (
            subscriber_id    TEXT    NOT NULL PRIMARY KEY,
            last_customer_at INTEGER NULL,
            state            TEXT    NULL,
            intent           TEXT    NULL,
            handoff_reason   TEXT    NULL,
            handoff_at       INTEGER NULL,
            turn_owner       TEXT    NULL,
            turn_until       INTEGER NULL,
            push_owner       TEXT    NULL,
            push_until       INTEGER NULL
        );
        CREATE INDEX delivery_conversations_follow_up ON delivery_conversations (state, last_customer_at);

        -- AUTOINCREMENT: ids are never reused after a prune, so a turn id ({subscriber}:{first id}) stays unique.
        CREATE TABLE delivery_inbox (
            id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            subscriber_id TEXT    NOT NULL,
            accepted_at   INTEGER NOT NULL,
            content_hash  TEXT    NOT NULL,
            text          TEXT    NOT NULL,
            image_url     TEXT    NULL,
            first_name    TEXT    NULL,
            status        TEXT    NOT NULL,
            turn_id       TEXT    NULL,
            answer_json   TEXT    NULL
        );
        CREATE INDEX delivery_inbox_subscriber_status ON delivery_inbox (subscriber_id, status, id);
        CREATE INDEX delivery_inbox_dedup ON delivery_inbox (subscriber_id, content_hash, accepted_at);
        CREATE INDEX delivery_inbox_status ON delivery_inbox (status, accepted_at);
        CREATE INDEX delivery_inbox_turn ON delivery_inbox (turn_id);

        CREATE TABLE delivery_turns (
            turn_id         TEXT    NOT NULL PRIMARY KEY,
            subscriber_id   TEXT    NOT NULL,
            last_message_id INTEGER NOT NULL,
            created_at      INTEGER NOT NULL,
            completed_at    INTEGER NULL
        );
        CREATE INDEX delivery_turns_open ON delivery_turns (subscriber_id) WHERE completed_at IS NULL;
        CREATE INDEX delivery_turns_created ON delivery_turns (created_at);

        CREATE TABLE delivery_outbox (
            id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            idempotency_key TEXT    NOT NULL UNIQUE,
            subscriber_id   TEXT    NOT NULL,
            turn_id         TEXT    NULL,
            kind            TEXT    NOT NULL,
            seq             INTEGER NOT NULL,
            content_json    TEXT    NOT NULL,
            created_at      INTEGER NOT NULL,
            not_before      INTEGER NOT NULL,
            inline_until    INTEGER NULL,
            state           TEXT    NOT NULL,
            attempts        INTEGER NOT NULL DEFAULT 0,
            last_error      TEXT    NULL,
            updated_at      INTEGER NOT NULL
        );
        CREATE INDEX delivery_outbox_subscriber_state ON delivery_outbox (subscriber_id, state, id);
        CREATE INDEX delivery_outbox_state ON delivery_outbox (state, created_at);
        CREATE INDEX delivery_outbox_turn ON delivery_outbox (turn_id);
        """;

    private static readonly string[] Migrations = [Version1];

    /// <summary>Gets the schema version this build writes.</summary>
    public static int Latest => Migrations.Length;

    /// <summary>Applies the migrations the file lacks.</summary>
    /// <param name="connection">An open write connection with no active transaction.</param>
    /// <param name="filePath">The file, for error messages.</param>
    /// <param name="cancellationToken">Cancels before the migration commits.</param>
    /// <returns>The version found and the version now in place.</returns>
    /// <exception cref="InvalidOperationException">The file has a newer delivery schema than this build knows.</exception>
    public static async Task<(int From, int To)> MigrateAsync(SqliteConnection connection, string filePath, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "CREATE TABLE IF NOT EXISTS delivery_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM delivery_migrations;";
        var current = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (current > Latest)
        {
            throw new InvalidOperationException(
                $"The delivery tables in '{filePath}' have schema version {current}, but this build of Mirt.Delivery knows only up to {Latest}; upgrade the application or point it at another file.");
        }

        for (var version = current + 1; version <= Latest; version++)
        {
            command.CommandText = Migrations[version - 1]
                + string.Create(CultureInfo.InvariantCulture, $"\nINSERT INTO delivery_migrations (version) VALUES ({version});");
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Committing is not cancellable: once the migration is complete it is kept.
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return (current, Latest);
    }
}
