using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Mirt.Testing.Postgres;

/// <summary>
/// A PgBouncer in <c>transaction</c> pool mode in front of a <see cref="PostgresCluster"/>, as Supabase's and most
/// hosted poolers run: a client's consecutive transactions may land on different server sessions, so session state
/// (SET, server-side prepared statements) does not survive between them.
/// </summary>
/// <remarks>Runs as the <c>postgres</c> user when the tests run as root (PgBouncer refuses root); dispose it to stop it.</remarks>
public sealed class PgBouncer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _root;

    private PgBouncer(Process process, string root, int port, string database)
    {
        _process = process;
        _root = root;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = database,
        }.ConnectionString;
    }

    /// <summary>Gets whether PgBouncer is installed here.</summary>
    public static bool IsInstalled => PostgresBinaries.FindPgBouncer() is not null;

    /// <summary>Gets the port PgBouncer listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>Gets a connection string to the database through PgBouncer.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts PgBouncer in transaction mode in front of one database of a cluster.</summary>
    /// <param name="database">The database clients reach through it.</param>
    /// <param name="serverPoolSize">How many server connections it opens at most for that database.</param>
    /// <returns>The running PgBouncer.</returns>
    /// <exception cref="InvalidOperationException">PgBouncer is not installed or did not start.</exception>
    public static async Task<PgBouncer> StartAsync(PostgresDatabase database, int serverPoolSize = 4)
    {
        var program = PostgresBinaries.FindPgBouncer()
            ?? throw new InvalidOperationException("pgbouncer is not installed; install it with 'apt-get install -y pgbouncer' (.ci/run does).");
        var server = new NpgsqlConnectionStringBuilder(database.Cluster.ServerConnectionString);
        var root = Path.Combine(OsCommand.TempRoot, $"mirt-pgbouncer-{Environment.ProcessId}-{Convert.ToHexString(Guid.NewGuid().ToByteArray(), 0, 4).ToLowerInvariant()}");
        Directory.CreateDirectory(root);
        var port = FreePort();
        var config = Path.Combine(root, "pgbouncer.ini");
        await File.WriteAllTextAsync(Path.Combine(root, "users.txt"), $"\"{server.Username}\" \"\"\n");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            [databases]
            {database.Name} = host={server.Host} port={server.Port} user={server.Username} dbname={database.Name}

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = trust
            auth_file = {Path.Combine(root, "users.txt")}
            pool_mode = transaction
            default_pool_size = {serverPoolSize}
            max_client_conn = 200
            logfile = {Path.Combine(root, "pgbouncer.log")}
            pidfile = {Path.Combine(root, "pgbouncer.pid")}

            """));
        OsCommand.GiveToService(root);

        var start = OsCommand.ServiceStartInfo(program, [config], root);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start pgbouncer.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bouncer = new PgBouncer(process, root, port, database.Name);
        try
        {
            await bouncer.WaitUntilListeningAsync();
            return bouncer;
        }
        catch
        {
            await bouncer.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops PgBouncer and deletes its folder.</summary>
    /// <returns>A task that completes when it has exited.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"pgbouncer exited with code {_process.ExitCode}:\n{ReadLog()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(50);
            }
        }
    }

    private string ReadLog()
    {
        var log = Path.Combine(_root, "pgbouncer.log");
        return File.Exists(log) ? File.ReadAllText(log) : "(no log)";
    }
}
