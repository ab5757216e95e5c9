using System.Diagnostics;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Postgres;
using Npgsql;

namespace Mirt.Host.Bench;

/// <summary>
/// The PostgreSQL store of a bench run: the saver opened as <c>serve</c> opens it (pool size as
/// <c>MIRT_POSTGRES_MAX_POOL</c>, durable commits as the server is configured), plus unpooled probe connections
/// (application name <see cref="ProbeApplicationName"/>) for the floor, the snapshots and the statistics.
/// </summary>
/// <remarks>Every probe statement is one server transaction, and so is every probe connection's start (the server reads
/// its catalogs in a transaction of its own); <see cref="SettledTransactionsAsync"/> subtracts them.</remarks>
internal sealed class PostgresBenchStore : IBenchStore
{
    /// <summary>Gets the application name of the probe connections, to tell their commands from the store's.</summary>
    public const string ProbeApplicationName = "mirt-bench-probe";

    private const string FloorSchema = "mirt_bench";
    private readonly PostgresCheckpointSaver _saver;
    private readonly string _connectionString;
    private readonly string _probeConnectionString;
    private readonly string _floorTable;
    private NpgsqlConnection? _probe;
    private bool _floorCreated;
    private long _probeTransactions;

    private PostgresBenchStore(PostgresCheckpointSaver saver, string connectionString, string probeConnectionString, int poolSize, string runId)
    {
        _saver = saver;
        _connectionString = connectionString;
        _probeConnectionString = probeConnectionString;
        PoolSize = poolSize;
        _floorTable = $"\"{FloorSchema}\".\"floor_{runId}\"";
    }

    /// <inheritdoc />
    public string Kind => "postgres";

    /// <inheritdoc />
    public ICheckpointSaver Saver => _saver;

    /// <inheritdoc />
    public int PoolSize { get; }

    /// <summary>Opens the saver, migrating the schema when needed.</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="poolSize">The saver's pool size.</param>
    /// <param name="runId">Names the floor table (letters and digits).</param>
    /// <param name="logging">Where the saver logs.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The store.</returns>
    /// <exception cref="NpgsqlException">PostgreSQL is unreachable or refused the login.</exception>
    public static async Task<PostgresBenchStore> OpenAsync(string connectionString, int poolSize, string runId, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var saver = await PostgresCheckpointSaver.OpenAsync(
            new PostgresCheckpointOptions { ConnectionString = connectionString, MaxPoolSize = poolSize },
            logging.CreateLogger("Mirt.Graph.Postgres"),
            cancellationToken).ConfigureAwait(false);
        var probe = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = ProbeApplicationName }.ConnectionString;
        return new PostgresBenchStore(saver, connectionString, probe, poolSize, runId);
    }

    /// <inheritdoc />
    public async Task<double[]> MeasureFloorAsync(int iterations, CancellationToken cancellationToken)
    {
        // A regular table, not a temporary one: PostgreSQL does not log temporary tables, so their commits skip the
        // flush that makes a checkpoint durable and the floor would be too low.
        await ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS \"{FloorSchema}\"", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"CREATE TABLE IF NOT EXISTS {_floorTable} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, thread_id text NOT NULL, payload text NOT NULL)", cancellationToken).ConfigureAwait(false);
        _floorCreated = true;
        await using var insert = new NpgsqlCommand($"INSERT INTO {_floorTable} (thread_id, payload) VALUES ($1, $2)", await ProbeAsync(cancellationToken).ConfigureAwait(false));
        insert.Parameters.Add(new NpgsqlParameter { Value = "bench-floor" });
        insert.Parameters.Add(new NpgsqlParameter { Value = new string('x', 200) });
        await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var timings = new double[iterations];
        for (var i = -Math.Min(20, iterations); i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _probeTransactions++;
            if (i >= 0)
            {
                timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        return timings;
    }

    /// <inheritdoc />
    public async Task<StoreSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint,
                   (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint
                      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = $1 AND c.relkind = 'r')
            """,
            await ProbeAsync(cancellationToken).ConfigureAwait(false));
        command.Parameters.Add(new NpgsqlParameter { Value = _saver.Schema });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        _probeTransactions++;
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreSnapshot(reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <inheritdoc />
    public async Task<long?> SettledTransactionsAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        await CloseProbeAsync().ConfigureAwait(false);
        await Task.Delay(quiet, cancellationToken).ConfigureAwait(false);
        long? previous = null;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            // Each reading on a connection of its own that exits right after, so its statement is counted by the next.
            var before = _probeTransactions;
            long raw;
            await using (var connection = new NpgsqlConnection(_probeConnectionString))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                _probeTransactions++;
                await using var command = new NpgsqlCommand("SELECT (xact_commit + xact_rollback)::bigint FROM pg_stat_database WHERE datname = current_database()", connection);
                raw = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                _probeTransactions++;
            }

            var adjusted = raw - before;
            if (adjusted == previous)
            {
                return adjusted;
            }

            previous = adjusted;
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }

        return previous;
    }

    /// <inheritdoc />
    public ValueTask CloseSaverAsync() => _saver.DisposeAsync();

    /// <inheritdoc />
    public Task<Mirt.Delivery.IDeliveryStore> OpenDeliveryAsync(ILoggerFactory logging) =>
        Mirt.Delivery.DeliveryStores.OpenPostgresAsync(
            new Mirt.Delivery.DeliveryPostgresOptions { ConnectionString = _connectionString, MaxPoolSize = PoolSize }, logging.CreateLogger("Mirt.Delivery"));

    /// <summary>Drops the floor table and closes the probe and the saver's pool.</summary>
    /// <returns>A task that completes when everything is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_floorCreated)
            {
                await ExecuteAsync($"DROP TABLE IF EXISTS {_floorTable}", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await CloseProbeAsync().ConfigureAwait(false);
            await _saver.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<NpgsqlConnection> ProbeAsync(CancellationToken cancellationToken)
    {
        if (_probe is null)
        {
            var probe = new NpgsqlConnection(_probeConnectionString);
            await probe.OpenAsync(cancellationToken).ConfigureAwait(false);
            _probeTransactions++;
            _probe = probe;
        }

        return _probe;
    }

    private async Task CloseProbeAsync()
    {
        if (_probe is { } probe)
        {
            _probe = null;
            await probe.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, await ProbeAsync(cancellationToken).ConfigureAwait(false));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _probeTransactions++;
    }
}
