using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Mirt.Delivery.Storage;

namespace Mirt.Delivery.Sqlite;

/// <summary>
/// Runs the delivery store on one SQLite file in WAL mode: writes go through the store's write connection, one at a
/// time per file in this process, each in a <c>BEGIN IMMEDIATE</c> transaction; reads use pooled connections and never
/// wait for writes.
/// </summary>
/// <remarks>
/// <c>BEGIN IMMEDIATE</c> takes the file's write lock when the transaction starts, not at its first write, so two
/// connections (this store and the checkpoint store, or another process) can never both read and then write on what
/// they read: the second waits up to the busy timeout. With that lock held, a conversation row needs no row lock.
/// <c>synchronous=FULL</c> makes a commit survive power loss, which an accepted webhook message must.
/// </remarks>
internal sealed class SqliteDeliveryDatabase : DeliveryDatabase
{
    /// <summary>How long a write waits for another connection's write lock.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    // One gate per file for every delivery store of this process: SQLite's busy handler polls and is not fair, so two
    // write connections of one process that only met at the file lock could starve one another under load; here
    // they queue in memory and only other processes (or the checkpoint store) meet at the file lock.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteGates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _writeGate;
    private readonly SqliteConnection _writer;
    private readonly string _readConnectionString;
    private int _disposed;

    private SqliteDeliveryDatabase(SqliteConnection writer, string readConnectionString, SemaphoreSlim writeGate)
        : base("sqlite", tablePrefix: string.Empty, forUpdate: string.Empty)
    {
        _writeGate = writeGate;
        _writer = writer;
        _readConnectionString = readConnectionString;
    }

    /// <summary>Opens the file (creating it and its directory), configures the write connection and migrates.</summary>
    /// <param name="filePath">The file.</param>
    /// <param name="logger">Receives the migration event.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open database.</returns>
    public static async Task<SqliteDeliveryDatabase> OpenAsync(string filePath, ILogger logger, CancellationToken cancellationToken)
    {
        SqliteNative.EnsureInitialized();
        var fullPath = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var timeoutSeconds = (int)Math.Ceiling(BusyTimeout.TotalSeconds);
        var writer = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = timeoutSeconds,
        }.ToString());
        var readConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = timeoutSeconds,
        }.ToString();
        var writeGate = WriteGates.GetOrAdd(fullPath, _ => new SemaphoreSlim(1, 1));
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await writer.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ConfigureAsync(writer, fullPath, cancellationToken).ConfigureAwait(false);
            var (from, to) = await SqliteDeliverySchema.MigrateAsync(writer, fullPath, cancellationToken).ConfigureAwait(false);
            if (from != to)
            {
                DeliveryLog.SchemaMigrated(logger, "sqlite", from, to);
            }

            return new SqliteDeliveryDatabase(writer, readConnectionString, writeGate);
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <inheritdoc />
    public override async Task<DeliverySession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
            var transaction = _writer.BeginTransaction(deferred: false);
            return new DeliverySession(_writer, transaction, ReleaseWriteGate);
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    /// <inheritdoc />
    public override async Task<DeliverySession> BeginReadAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return new DeliverySession(connection, null, connection.DisposeAsync);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits for a write in progress, then closes the write connection and the pooled read connections.</summary>
    /// <returns>A task that completes when closed.</returns>
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _writeGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            using var pooled = new SqliteConnection(_readConnectionString);
            SqliteConnection.ClearPool(pooled);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static async Task ConfigureAsync(SqliteConnection writer, string fullPath, CancellationToken cancellationToken)
    {
        using var command = writer.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"SQLite kept the delivery database '{fullPath}' in journal mode '{mode}' instead of WAL; keep the file on a local file system that supports shared memory.");
        }

        command.CommandText = "PRAGMA synchronous = FULL;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private ValueTask ReleaseWriteGate()
    {
        _writeGate.Release();
        return ValueTask.CompletedTask;
    }
}
