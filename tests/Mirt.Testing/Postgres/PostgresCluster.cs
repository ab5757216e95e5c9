using System.Globalization;
using Npgsql;

namespace Mirt.Testing.Postgres;

/// <summary>
/// A PostgreSQL server for tests: the one <c>MIRT_TEST_POSTGRES</c> names, or a throwaway cluster this process creates
/// with <c>initdb</c> in a temporary folder, listening on 127.0.0.1 only, and deletes when disposed.
/// </summary>
/// <remarks>
/// <para><see cref="GetSharedAsync"/> starts one cluster per test process (lazily, on first use) and stops it when the
/// process exits; test classes each take a fresh database on it (<see cref="CreateDatabaseAsync"/>) so they can run in
/// parallel. <see cref="StartDedicatedAsync"/> starts a cluster a test owns, for stopping and restarting it.</para>
/// <para>PostgreSQL refuses to run as root, so when the tests run as root the cluster's programs run as the
/// <c>postgres</c> user (through <c>runuser</c>) and the folder is handed to it. The cluster runs with
/// <c>fsync=on</c>, like production, so durability tests mean something.</para>
/// </remarks>
public sealed partial class PostgresCluster : IAsyncDisposable
{
    /// <summary>The environment variable that names an existing server (an Npgsql connection string whose user may
    /// create databases); when set, the shared cluster is that server instead of a throwaway one.</summary>
    public const string EnvironmentVariable = "MIRT_TEST_POSTGRES";

    private const string FolderPrefix = "mirt-pg-";
    private static readonly Lazy<Task<PostgresCluster>> Shared = new(StartSharedAsync);
    private readonly string? _root;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _running;
    private int _disposed;

    private PostgresCluster(string serverConnectionString, string? root, int port)
    {
        ServerConnectionString = serverConnectionString;
        _root = root;
        Port = port;
        _running = true;
    }

    /// <summary>Gets a connection string to the server's <c>postgres</c> database as a superuser (or the user
    /// <c>MIRT_TEST_POSTGRES</c> names).</summary>
    public string ServerConnectionString { get; }

    /// <summary>Gets whether this process started the cluster (and so can stop and restart it).</summary>
    public bool IsLocal => _root is not null;

    /// <summary>Gets the TCP port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Gets the folder of a local cluster (data, socket and log), or <see langword="null"/> for an external server.</summary>
    public string? Folder => _root;

    /// <summary>Gets the cluster shared by every test of this process, starting it on first use.</summary>
    /// <returns>The shared cluster; do not dispose it (it stops when the process exits).</returns>
    public static Task<PostgresCluster> GetSharedAsync() => Shared.Value;

    /// <summary>Starts a cluster owned by the caller, for tests that stop, restart or crash the server.</summary>
    /// <returns>The running cluster; dispose it to stop it and delete its folder.</returns>
    /// <exception cref="InvalidOperationException">PostgreSQL's server programs are not installed.</exception>
    public static Task<PostgresCluster> StartDedicatedAsync() => StartLocalAsync();

    /// <summary>Creates an empty database with a unique name.</summary>
    /// <param name="prefix">Starts the name, to tell in server logs which test class owns it; letters, digits and underscores.</param>
    /// <returns>The database; dispose it to drop it.</returns>
    public async Task<PostgresDatabase> CreateDatabaseAsync(string prefix = "test")
    {
        var safe = new string(prefix.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(40).ToArray());
        var name = $"mirt_{safe}_{Convert.ToHexString(Guid.NewGuid().ToByteArray(), 0, 5).ToLowerInvariant()}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new PostgresDatabase(this, name, ConnectionStringFor(name));
    }

    /// <summary>Builds a connection string to one database of this server, with the server's user.</summary>
    /// <param name="database">The database.</param>
    /// <returns>The connection string.</returns>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    /// <summary>Drops a database, disconnecting its sessions first.</summary>
    /// <param name="database">The database.</param>
    /// <returns>A task that completes when it is gone.</returns>
    public Task DropDatabaseAsync(string database) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");

    /// <summary>Terminates every session connected to a database (<c>pg_terminate_backend</c>), as a crash of those
    /// backends or an administrator would.</summary>
    /// <param name="database">The database.</param>
    /// <returns>How many sessions were terminated.</returns>
    public async Task<int> TerminateBackendsAsync(string database)
    {
        await using var connection = await OpenAdminAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()",
            connection);
        command.Parameters.AddWithValue("db", database);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Stops a local cluster: <c>fast</c> (clean shutdown, as a restart) or <c>immediate</c> (no checkpoint,
    /// as a crash; the next start replays the write-ahead log).</summary>
    /// <param name="immediate">Stops without a clean shutdown.</param>
    /// <returns>A task that completes when the server is down.</returns>
    /// <exception cref="NotSupportedException">The server is external.</exception>
    public async Task StopAsync(bool immediate = false)
    {
        var root = RequireLocal();
        await _gate.WaitAsync();
        try
        {
            if (_running)
            {
                await PgCtlAsync(root, "stop", "-m", immediate ? "immediate" : "fast");
                _running = false;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts a stopped local cluster again on the same port.</summary>
    /// <returns>A task that completes when the server accepts connections.</returns>
    /// <exception cref="NotSupportedException">The server is external.</exception>
    public async Task StartAsync()
    {
        var root = RequireLocal();
        await _gate.WaitAsync();
        try
        {
            if (!_running)
            {
                await PgCtlStartAsync(root);
                _running = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops and starts a local cluster.</summary>
    /// <param name="immediate">Stops as a crash would instead of cleanly.</param>
    /// <returns>A task that completes when the server accepts connections again.</returns>
    public async Task RestartAsync(bool immediate = false)
    {
        await StopAsync(immediate);
        await StartAsync();
    }

    /// <summary>Stops a local cluster and deletes its folder; does nothing for an external server.</summary>
    /// <returns>A task that completes when the cluster is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || _root is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopAsync(immediate: true);
        }
        catch (InvalidOperationException)
        {
            // Already down; the folder still goes.
        }

        TryDelete(_root);
    }

    private static async Task<PostgresCluster> StartSharedAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            var builder = new NpgsqlConnectionStringBuilder(external);
            builder.Database ??= "postgres";
            return new PostgresCluster(builder.ConnectionString, root: null, builder.Port);
        }

        // Never disposed: the watchdog StartLocalAsync starts stops it and deletes its folder once this process exits.
        return await StartLocalAsync();
    }

    private string RequireLocal() =>
        _root ?? throw new NotSupportedException($"The server named by {EnvironmentVariable} is not this process's to stop or restart; use StartDedicatedAsync.");

    private async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAdminAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
