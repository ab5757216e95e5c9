using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mirt.Delivery.Postgres;
using Mirt.Delivery.Sqlite;
using Mirt.Delivery.Storage;

namespace Mirt.Delivery;

/// <summary>
/// Opens the durable inbox/outbox store (<see cref="IDeliveryStore"/>) in the database that already holds the
/// conversation checkpoints: the embedded SQLite file, or PostgreSQL.
/// </summary>
/// <remarks>Both stores create or upgrade their <c>delivery_…</c> tables on open and are thread-safe. Register one
/// instance per database as a singleton and dispose it on shutdown.</remarks>
public static class DeliveryStores
{
    /// <summary>
    /// Opens (creating when missing) a SQLite file for the delivery tables, switches it to WAL, and applies pending
    /// migrations. The file may be the checkpoint store's own (<c>mirt.db</c>): the table names do not collide.
    /// </summary>
    /// <param name="filePath">The database file; relative paths resolve against the current directory. Its directory
    /// is created when missing.</param>
    /// <param name="logger">Receives migrations, resumed turns and abandoned pushes; none when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the open; a cancelled migration changes nothing.</param>
    /// <returns>A store that owns one write connection until it is disposed. Writes of this process queue on it and take
    /// SQLite's write lock when their transaction begins; writes of other processes wait up to 5 seconds for it.</returns>
    /// <exception cref="ArgumentException"><paramref name="filePath"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The file cannot use WAL mode, or its delivery schema is newer than this build.</exception>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">SQLite failed, for example because the file is not a database.</exception>
    /// <exception cref="IOException">The directory cannot be created.</exception>
    public static async Task<IDeliveryStore> OpenSqliteAsync(string filePath, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        cancellationToken.ThrowIfCancellationRequested();
        logger ??= NullLogger.Instance;
        var database = await SqliteDeliveryDatabase.OpenAsync(filePath, logger, cancellationToken).ConfigureAwait(false);
        return new SqlDeliveryStore(database, logger);
    }

    /// <summary>
    /// Creates the connection pool and brings the delivery tables up to date: creates the schema and tables when
    /// missing and applies pending migrations in one transaction under an advisory lock, so replicas may start together.
    /// </summary>
    /// <param name="options">Names the database and sizes the pool; validated and copied, not kept.</param>
    /// <param name="logger">Receives migrations, resumed turns, abandoned pushes and lost connections; none when
    /// <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the open; a cancelled migration changes nothing.</param>
    /// <returns>A store that owns its connection pool until it is disposed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is empty or malformed, or the schema name is not a plain identifier.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="DeliveryPostgresOptions.MaxPoolSize"/> is outside 1 to 1,000.</exception>
    /// <exception cref="InvalidOperationException">The database holds a newer delivery schema than this build knows.</exception>
    /// <exception cref="Npgsql.NpgsqlException">PostgreSQL is unreachable, refused the login, or refused a migration.</exception>
    public static async Task<IDeliveryStore> OpenPostgresAsync(DeliveryPostgresOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        logger ??= NullLogger.Instance;
        var database = await PostgresDeliveryDatabase.OpenAsync(options, logger, cancellationToken).ConfigureAwait(false);
        return new SqlDeliveryStore(database, logger);
    }
}
