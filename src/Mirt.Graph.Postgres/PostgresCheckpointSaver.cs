using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mirt.Graph.Checkpoints;
using Npgsql;

namespace Mirt.Graph.Postgres;

/// <summary>
/// Stores checkpoints in PostgreSQL, so several application replicas share conversations and a put survives the crash
/// of any of them (commits are durable: the default <c>synchronous_commit</c>).
/// </summary>
/// <remarks>
/// <para>
/// Layout (schema <see cref="PostgresCheckpointOptions.Schema"/>): <c>checkpoints</c> holds one row per checkpoint
/// with its channel-to-version map; <c>checkpoint_blobs</c> holds each channel value once per (thread, namespace,
/// channel, version); <c>checkpoint_writes</c> holds pending writes; <c>checkpoint_heads</c> holds one row per
/// (thread, namespace) that puts lock for the compare-and-set on the head. The README lists the columns.
/// </para>
/// <para>
/// Round trips: a put is one <see cref="NpgsqlBatch"/> (lock and check the head, insert the new channel values, insert
/// the checkpoint) that PostgreSQL runs as one implicit transaction, so a failed head check, a reused id or a broken
/// connection stores nothing. <see cref="GetTupleAsync"/> and <see cref="PutWritesAsync"/> are one statement each.
/// </para>
/// <para>
/// Thread-safety: thread-safe, with no lock in the process: calls take a connection from one pool of
/// <see cref="PostgresCheckpointOptions.MaxPoolSize"/> connections and run in parallel. Puts of one thread and
/// namespace queue on that thread's head row in PostgreSQL, across every process that shares the database.
/// </para>
/// </remarks>
public sealed partial class PostgresCheckpointSaver : ICheckpointSaver, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresSettings _settings;
    private readonly PostgresSql _sql;
    private readonly ILogger _logger;
    private readonly SlowLineLimiter _slowLines = new();
    private int _disposed;

    private PostgresCheckpointSaver(NpgsqlDataSource dataSource, PostgresSettings settings, ILogger logger)
    {
        _dataSource = dataSource;
        _settings = settings;
        _sql = new PostgresSql(settings.QuotedSchema);
        _logger = logger;
    }

    /// <summary>Gets the schema that holds the saver's tables.</summary>
    public string Schema => _settings.Schema;

    /// <summary>
    /// Creates the connection pool and brings the schema up to date: creates the schema and tables when missing and
    /// applies pending migrations in one transaction under an advisory lock, so replicas may start together.
    /// </summary>
    /// <param name="options">Names the database and tunes the pool; validated and copied, not kept.</param>
    /// <param name="logger">Receives slow-operation warnings, connection failures and migrations; none when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the open; a cancelled migration changes nothing.</param>
    /// <returns>A saver that owns its connection pool until <see cref="DisposeAsync"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is empty or malformed, or the schema name is not a plain identifier.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A pool size or duration is outside its documented range.</exception>
    /// <exception cref="InvalidOperationException">The database holds a newer schema version than this build knows.</exception>
    /// <exception cref="NpgsqlException">PostgreSQL is unreachable, refused the login, or refused a migration (for example for lack of the CREATE privilege).</exception>
    public static async Task<PostgresCheckpointSaver> OpenAsync(PostgresCheckpointOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var settings = PostgresSettings.From(options);
        cancellationToken.ThrowIfCancellationRequested();
        logger ??= NullLogger.Instance;
        var dataSource = settings.CreateDataSource();
        try
        {
            var (from, to) = await PostgresSchema.MigrateAsync(dataSource, settings.QuotedSchema, cancellationToken).ConfigureAwait(false);
            if (from != to)
            {
                PostgresCheckpointLog.SchemaMigrated(logger, settings.Schema, from, to);
            }

            return new PostgresCheckpointSaver(dataSource, settings, logger);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the pool's connections. Calls in flight finish first; any call afterwards throws
    /// <see cref="ObjectDisposedException"/>. Calling it again does nothing.</summary>
    /// <returns>A task that completes when the connections are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
