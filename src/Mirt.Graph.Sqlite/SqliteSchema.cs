using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Mirt.Graph.Sqlite;

/// <summary>Creates and upgrades the tables of a checkpoint database.</summary>
/// <remarks>
/// Each migration runs once, recorded in <c>schema_version</c>. All pending migrations run in one
/// <c>BEGIN IMMEDIATE</c> transaction, so two processes opening the same file at once serialise on SQLite's write
/// lock: the second waits, then sees the first one's version row and applies nothing.
/// </remarks>
internal static class SqliteSchema
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    INTEGER NOT NULL PRIMARY KEY,
            applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        """;

    private const string SelectVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";

    private const string InsertVersion = "INSERT INTO schema_version (version) VALUES ($version);";

    private const string Migration1 = """
        CREATE TABLE checkpoints (
            thread_id     TEXT    NOT NULL,
            ns            TEXT    NOT NULL,
            checkpoint_id TEXT    NOT NULL,
            parent_id     TEXT    NULL,
            step          INTEGER NOT NULL,
            created_at    TEXT    NOT NULL,
            next_json     TEXT    NOT NULL,
            graph_version INTEGER NOT NULL,
            versions_json TEXT    NOT NULL,
            metadata_json TEXT    NOT NULL,
            PRIMARY KEY (thread_id, ns, checkpoint_id)
        );
        CREATE TABLE checkpoint_blobs (
            thread_id  TEXT    NOT NULL,
            ns         TEXT    NOT NULL,
            channel    TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            value_json TEXT    NULL,
            PRIMARY KEY (thread_id, ns, channel, version)
        );
        """;

    // Version 2: pending writes per task, and metadata stored flat ({"source":…,"step":"3","node":…,<extra>…}) so
    // listings filter on any key with one containment test; rewrites version-1 metadata in place.
    private const string Migration2 = """
        CREATE TABLE checkpoint_writes (
            thread_id     TEXT    NOT NULL,
            ns            TEXT    NOT NULL,
            checkpoint_id TEXT    NOT NULL,
            task_id       TEXT    NOT NULL,
            task_path     TEXT    NOT NULL,
            idx           INTEGER NOT NULL,
            channel       TEXT    NOT NULL,
            value_json    TEXT    NOT NULL,
            PRIMARY KEY (thread_id, ns, checkpoint_id, task_id, idx)
        );
        UPDATE checkpoints SET metadata_json = (
            SELECT json_group_object(k, v) FROM (
                SELECT 'source' AS k, json_extract(checkpoints.metadata_json, '$.source') AS v
                UNION ALL SELECT 'step', CAST(json_extract(checkpoints.metadata_json, '$.step') AS TEXT)
                UNION ALL SELECT 'node', json_extract(checkpoints.metadata_json, '$.node')
                    WHERE json_extract(checkpoints.metadata_json, '$.node') IS NOT NULL
                UNION ALL SELECT key, value FROM json_each(checkpoints.metadata_json, '$.extra')));
        CREATE INDEX checkpoints_created_at ON checkpoints (created_at);
        """;

    private static readonly string[] Migrations = [Migration1, Migration2];

    /// <summary>Gets the schema version this build writes.</summary>
    public static int LatestVersion => Migrations.Length;

    /// <summary>Applies the migrations the database lacks.</summary>
    /// <param name="connection">An open write connection with no active transaction.</param>
    /// <param name="filePath">The database file, for error messages.</param>
    /// <param name="cancellationToken">Cancels before the migration commits; a cancelled migration changes nothing.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="InvalidOperationException">The file has a newer schema than this build knows.</exception>
    public static async Task MigrateAsync(SqliteConnection connection, string filePath, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, CreateVersionTable, cancellationToken).ConfigureAwait(false);

        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = SelectVersion;
        var current = Convert.ToInt32(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The checkpoint database '{filePath}' has schema version {current}, but this build of Mirt.Graph.Sqlite knows only up to {LatestVersion}; upgrade the application or point it at another file.");
        }

        for (var version = current + 1; version <= LatestVersion; version++)
        {
            await ExecuteAsync(connection, transaction, Migrations[version - 1], cancellationToken).ConfigureAwait(false);
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = InsertVersion;
            insert.Parameters.AddWithValue("$version", version);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Committing is not cancellable: once the migration is complete it is kept.
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
