using System.Globalization;
using Npgsql;

namespace Mirt.Graph.Postgres;

/// <summary>Brings a database's checkpoint schema up to <see cref="PostgresMigrations.Latest"/> at start-up.</summary>
/// <remarks>
/// A current schema is recognised with two reads and no lock, so an application user without the right to create
/// objects can start against a schema a DBA migrated. Otherwise every pending migration runs in one transaction that
/// first takes a transaction-level advisory lock keyed on the schema name: replicas starting together queue on it,
/// and each one after the first finds the version row written and applies nothing. A failed migration leaves nothing.
/// </remarks>
internal static class PostgresSchema
{
    // Migrations may wait for other replicas' migrations and build indexes; the operation limits are too tight.
    private const string MigrationLimits = "SELECT set_config('statement_timeout', '600s', true), set_config('lock_timeout', '600s', true)";

    /// <summary>Applies the migrations the database lacks.</summary>
    /// <param name="dataSource">The saver's pool.</param>
    /// <param name="quotedSchema">The quoted schema name.</param>
    /// <param name="cancellationToken">Cancels before the migration commits.</param>
    /// <returns>The version found and the version now in place.</returns>
    /// <exception cref="InvalidOperationException">The schema is newer than this build knows.</exception>
    /// <exception cref="NpgsqlException">PostgreSQL is unreachable or refused a migration statement.</exception>
    public static async Task<(int From, int To)> MigrateAsync(NpgsqlDataSource dataSource, string quotedSchema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var found = await ReadVersionAsync(connection, null, quotedSchema, cancellationToken).ConfigureAwait(false);
        if (found == PostgresMigrations.Latest)
        {
            return (found, found);
        }

        ThrowIfNewer(found, quotedSchema);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(MigrationLimits));
            var lockCommand = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))");
            lockCommand.Parameters.AddWithValue("key", "Mirt.Graph.Postgres/migrations/" + quotedSchema);
            batch.BatchCommands.Add(lockCommand);
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"CREATE SCHEMA IF NOT EXISTS {quotedSchema}"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"CREATE TABLE IF NOT EXISTS {quotedSchema}.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"));
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var current = await ReadVersionAsync(connection, transaction, quotedSchema, cancellationToken).ConfigureAwait(false);
        ThrowIfNewer(current, quotedSchema);
        if (current < PostgresMigrations.Latest)
        {
            for (var version = current + 1; version <= PostgresMigrations.Latest; version++)
            {
                // A command (unlike a batch command) may hold several statements; Npgsql splits them.
                await using var migrate = new NpgsqlCommand(
                    PostgresMigrations.Sql(version, quotedSchema)
                        + string.Create(CultureInfo.InvariantCulture, $";\nINSERT INTO {quotedSchema}.schema_version (version) VALUES ({version});"),
                    connection,
                    transaction);
                await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        // Committing is not cancellable: once the migration is complete it is kept.
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return (found, PostgresMigrations.Latest);
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string quotedSchema, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection, transaction))
        {
            exists.Parameters.AddWithValue("table", quotedSchema + ".schema_version");
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return 0;
            }
        }

        await using var select = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {quotedSchema}.schema_version", connection, transaction);
        return Convert.ToInt32(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static void ThrowIfNewer(int version, string quotedSchema)
    {
        if (version > PostgresMigrations.Latest)
        {
            throw new InvalidOperationException(
                $"The checkpoint schema {quotedSchema} has version {version}, but this build of Mirt.Graph.Postgres knows only up to {PostgresMigrations.Latest}; upgrade the application or use another schema.");
        }
    }
}
