using System.Globalization;
using Microsoft.Data.Sqlite;
using Mirt.Graph.Checkpoints;

namespace Mirt.Graph.Sqlite;

/// <summary>
/// Stores checkpoints durably in one embedded SQLite file, so conversations survive restarts, crashes and power
/// loss without a database server.
/// </summary>
/// <remarks>
/// <para>
/// Layout: <c>checkpoints</c> holds one row per checkpoint with its channel-to-version map (<c>versions_json</c>);
/// <c>checkpoint_blobs</c> holds each channel value once per channel version. A put writes only the channel versions
/// not stored yet, so a turn that changes one channel adds one value row; loading joins the values by version, so
/// older unchanged values still load, and a channel absent from a checkpoint's version map is absent when it loads.
/// </para>
/// <para>
/// Durability: the file runs in WAL mode with <c>synchronous=FULL</c>, so SQLite flushes the write-ahead log to disk
/// (fsync) before a commit returns. A put that returned therefore survives <c>kill -9</c> and power loss;
/// <c>synchronous=NORMAL</c> would survive a process crash but could lose the last commits on power loss. This holds
/// on local file systems that honour fsync, not on network shares.
/// </para>
/// <para>
/// Thread-safety: thread-safe. SQLite allows one writer per file, so writes go through a single connection guarded by
/// a semaphore; reads use short-lived pooled connections and, under WAL, never wait for writes. Several processes may
/// share the file; their writes wait for each other up to <see cref="SqliteCheckpointOptions.BusyTimeout"/>.
/// </para>
/// </remarks>
public sealed partial class SqliteCheckpointSaver : ICheckpointSaver, IAsyncDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SqliteConnection _writer;
    private readonly string _readConnectionString;
    private readonly int _busyTimeoutMs;
    private int _disposed;

    private SqliteCheckpointSaver(SqliteConnection writer, string readConnectionString, int busyTimeoutMs, string filePath)
    {
        _writer = writer;
        _readConnectionString = readConnectionString;
        _busyTimeoutMs = busyTimeoutMs;
        FilePath = filePath;
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Opens (creating when missing) the database file and its directory, switches it to WAL with
    /// <c>synchronous=FULL</c>, and applies pending schema migrations.
    /// </summary>
    /// <param name="options">Names the file and the busy timeout; copied, not kept.</param>
    /// <param name="cancellationToken">Cancels the open; a cancelled migration changes nothing.</param>
    /// <returns>A saver that owns one write connection until <see cref="DisposeAsync"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="SqliteCheckpointOptions.FilePath"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="SqliteCheckpointOptions.BusyTimeout"/> is negative or longer than 1 hour.</exception>
    /// <exception cref="InvalidOperationException">The file cannot use WAL mode, or its schema is newer than this build.</exception>
    /// <exception cref="SqliteException">SQLite failed, for example because the file is not a database or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="IOException">The directory cannot be created.</exception>
    public static async Task<SqliteCheckpointSaver> OpenAsync(SqliteCheckpointOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var filePath = options.FilePath;
        var busyTimeout = options.BusyTimeout;
        if (string.IsNullOrWhiteSpace(filePath))
        {
            throw new ArgumentException("SqliteCheckpointOptions.FilePath is empty; set it to the path of the checkpoint database file.", nameof(options));
        }

        if (busyTimeout < TimeSpan.Zero || busyTimeout > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), busyTimeout, "SqliteCheckpointOptions.BusyTimeout must be between 0 and 1 hour; the default of 5 seconds suits most hosts.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        SqliteNative.EnsureInitialized();
        var fullPath = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var busyTimeoutMs = (int)Math.Ceiling(busyTimeout.TotalMilliseconds);
        var commandTimeoutSeconds = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds));
        var writeConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = commandTimeoutSeconds,
        }.ToString();
        var readConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = commandTimeoutSeconds,
        }.ToString();

        var writer = new SqliteConnection(writeConnectionString);
        try
        {
            await writer.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ConfigureWriterAsync(writer, fullPath, busyTimeoutMs, cancellationToken).ConfigureAwait(false);
            await SqliteSchema.MigrateAsync(writer, fullPath, cancellationToken).ConfigureAwait(false);
            return new SqliteCheckpointSaver(writer, readConnectionString, busyTimeoutMs, fullPath);
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Waits for a write in progress, then closes the write connection and the pooled read connections. Calling it
    /// again does nothing; any other call afterwards throws <see cref="ObjectDisposedException"/>.
    /// </summary>
    /// <returns>A task that completes when the connections are closed.</returns>
    public async ValueTask DisposeAsync()
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

    private static async Task ConfigureWriterAsync(SqliteConnection writer, string fullPath, int busyTimeoutMs, CancellationToken cancellationToken)
    {
        await SetBusyTimeoutAsync(writer, busyTimeoutMs, cancellationToken).ConfigureAwait(false);
        using var command = writer.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"SQLite kept the checkpoint database '{fullPath}' in journal mode '{mode}' instead of WAL; keep the file on a local file system that supports shared memory.");
        }

        command.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task SetBusyTimeoutAsync(SqliteConnection connection, int busyTimeoutMs, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyTimeoutMs};");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
