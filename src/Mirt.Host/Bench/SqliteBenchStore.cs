using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Sqlite;

namespace Mirt.Host.Bench;

/// <summary>
/// The embedded SQLite store of a bench run, in a temporary folder deleted afterwards, so <c>bench</c> runs on a fresh
/// machine; the floor uses a second file in that folder with the saver's durability (WAL, <c>synchronous=FULL</c>).
/// </summary>
internal sealed class SqliteBenchStore : IBenchStore
{
    private readonly SqliteCheckpointSaver _saver;
    private readonly string _directory;

    private SqliteBenchStore(SqliteCheckpointSaver saver, string directory)
    {
        _saver = saver;
        _directory = directory;
    }

    /// <inheritdoc />
    public string Kind => "sqlite";

    /// <inheritdoc />
    public ICheckpointSaver Saver => _saver;

    /// <inheritdoc />
    public int PoolSize => 1;

    private string DatabaseFile => Path.Combine(_directory, "mirt.db");

    /// <summary>Creates the temporary folder and opens the saver in it.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The store.</returns>
    public static async Task<SqliteBenchStore> OpenAsync(CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("mirt-bench-").FullName;
        try
        {
            var saver = await SqliteCheckpointSaver.OpenAsync(new SqliteCheckpointOptions { FilePath = Path.Combine(directory, "mirt.db") }, cancellationToken).ConfigureAwait(false);
            return new SqliteBenchStore(saver, directory);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<double[]> MeasureFloorAsync(int iterations, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "floor.db"), Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE floor (id INTEGER PRIMARY KEY, thread_id TEXT NOT NULL, payload TEXT NOT NULL);";
            await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO floor (thread_id, payload) VALUES ($thread, $payload)";
        insert.Parameters.AddWithValue("$thread", "bench-floor");
        insert.Parameters.AddWithValue("$payload", new string('x', 200));
        var timings = new double[iterations];
        for (var i = -Math.Min(20, iterations); i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (i >= 0)
            {
                timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        return timings;
    }

    /// <inheritdoc />
    public Task<StoreSnapshot> SnapshotAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new StoreSnapshot(RuntimeSnapshot.ReadStorageWriteBytes(), SizeOf(DatabaseFile) + SizeOf(DatabaseFile + "-wal")));

    /// <inheritdoc />
    public Task<long?> SettledTransactionsAsync(TimeSpan quiet, CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    /// <inheritdoc />
    public ValueTask CloseSaverAsync() => _saver.DisposeAsync();

    /// <inheritdoc />
    public Task<Mirt.Delivery.IDeliveryStore> OpenDeliveryAsync(ILoggerFactory logging) =>
        Mirt.Delivery.DeliveryStores.OpenSqliteAsync(DatabaseFile, logging.CreateLogger("Mirt.Delivery"));

    /// <summary>Closes the saver and deletes the folder.</summary>
    /// <returns>A task that completes when the folder is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        await _saver.DisposeAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the operating system's temporary-folder cleanup takes it.
        }
    }

    private static long SizeOf(string file) => File.Exists(file) ? new FileInfo(file).Length : 0;
}
