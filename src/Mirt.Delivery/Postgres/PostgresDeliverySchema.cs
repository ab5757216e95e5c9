using System.Globalization;
using Npgsql;

namespace Mirt.Delivery.Postgres;

/// <summary>Brings a database's delivery tables up to <see cref="PostgresDeliveryMigrations.Latest"/> at start-up.</summary>
/// <remarks>
/// A current schema is recognised with two reads and no lock. Otherwise every pending migration runs in one
/// transaction that first takes the checkpoint store's migration lock (so the two never create the shared schema at the
/// same moment) and then a transaction-level advisory lock of its own: replicas starting together queue on it, and
/// each after the first finds the version row written and applies nothing. A failed migration leaves nothing. Versions are kept in <c>delivery_migrations</c>, beside the checkpoint store's
/// <c>schema_version</c>.
/// </remarks>
internal static class PostgresDeliverySchema
{
    /// <summary>Prefixes the schema name in this store's advisory lock key.</summary>
    private const string MigrationLockPrefix = "Mirt.Delivery/migrations/";

    /// <summary>Prefixes the schema name in <c>Mirt.Graph.Postgres</c>'s migration lock key (see its PostgresSchema).</summary>
    private const string CheckpointMigrationLockPrefix = "Mirt.Graph.Postgres/migrations/";

    private const string MigrationLimits = "SELECT set_config('statement_timeout', '600s', true), set_config('lock_timeout', '600s', true)";

    /// <summary>Applies the migrations the database lacks.</summary>
    /// <param name="dataSource">The store's pool.</param>
    /// <param name="quotedSchema">The quoted schema name.</param>
    /// <param name="cancellationToken">Cancels before the migration commits.</param>
    /// <returns>The version found and the version now in place.</returns>
    /// <exception cref="InvalidOperationException">The schema is newer than this build knows.</exception>
    public static async Task<(int From, int To)> MigrateAsync(NpgsqlDataSource dataSource, string quotedSchema, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await MigrateOnceAsync(dataSource, quotedSchema, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (attempt == 1 && e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateSchema)
            {
                // CREATE SCHEMA IF NOT EXISTS is not atomic: should another creator of the schema not take the
                // checkpoint store's lock (an older build of it), the second attempt finds the schema made.
            }
        }
    }

    private static async Task<(int From, int To)> MigrateOnceAsync(NpgsqlDataSource dataSource, string quotedSchema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var found = await ReadVersionAsync(connection, null, quotedSchema, cancellationToken).ConfigureAwait(false);
        ThrowIfNewer(found, quotedSchema);
        if (found == PostgresDeliveryMigrations.Latest)
        {
            return (found, found);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(MigrationLimits));
            // The checkpoint store's migration lock first: its CREATE SCHEMA IF NOT EXISTS and ours must not run at
            // the same moment, or one fails on a fresh database. It only ever takes its own key, so no deadlock.
            batch.BatchCommands.Add(AdvisoryLock(CheckpointMigrationLockPrefix + quotedSchema));
            batch.BatchCommands.Add(AdvisoryLock(MigrationLockPrefix + quotedSchema));
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"CREATE SCHEMA IF NOT EXISTS {quotedSchema}"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"CREATE TABLE IF NOT EXISTS {quotedSchema}.delivery_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"));
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var current = await ReadVersionAsync(connection, transaction, quotedSchema, cancellationToken).ConfigureAwait(false);
        ThrowIfNewer(current, quotedSchema);
        for (var version = current + 1; version <= PostgresDeliveryMigrations.Latest; version++)
        {
            await using var migrate = new NpgsqlCommand(
                PostgresDeliveryMigrations.Sql(version, quotedSchema)
                    + string.Create(CultureInfo.InvariantCulture, $";\nINSERT INTO {quotedSchema}.delivery_migrations (version) VALUES ({version});"),
                connection,
                transaction);
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Committing is not cancellable: once the migration is complete it is kept.
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return (found, PostgresDeliveryMigrations.Latest);
    }

    private static NpgsqlBatchCommand AdvisoryLock(string key)
    {
        var command = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))");
        command.Parameters.AddWithValue("key", key);
        return command;
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string quotedSchema, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection, transaction))
        {
            exists.Parameters.AddWithValue("table", quotedSchema + ".delivery_migrations");
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return 0;
            }
        }

        await using var select = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {quotedSchema}.delivery_migrations", connection, transaction);
        return Convert.ToInt32(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static void ThrowIfNewer(int version, string quotedSchema)
    {
        if (version > PostgresDeliveryMigrations.Latest)
        {
            throw new InvalidOperationException(
                $"The delivery tables in schema {quotedSchema} have version {version}, but this build of Mirt.Delivery knows only up to {PostgresDeliveryMigrations.Latest}; upgrade the application or use another schema.");
        }
    }
}
