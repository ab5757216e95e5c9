using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Mirt.Testing.Postgres;

/// <summary>Creates, starts, stops and cleans up the local throwaway clusters (initdb and pg_ctl as the service user).</summary>
public sealed partial class PostgresCluster
{
    private static async Task<PostgresCluster> StartLocalAsync()
    {
        SweepAbandonedClusters();
        var root = Path.Combine(OsCommand.TempRoot, $"{FolderPrefix}{Environment.ProcessId}-{Convert.ToHexString(Guid.NewGuid().ToByteArray(), 0, 4).ToLowerInvariant()}");
        Directory.CreateDirectory(Path.Combine(root, "sock"));
        await File.WriteAllTextAsync(Path.Combine(root, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        OsCommand.GiveToService(root);
        StartWatchdog(root);
        try
        {
            var (code, output) = await OsCommand.RunAsServiceAsync(
                PostgresBinaries.Path("initdb"),
                ["-D", Path.Combine(root, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                root,
                TimeSpan.FromMinutes(2));
            if (code != 0)
            {
                throw new InvalidOperationException($"initdb failed with exit code {code}:\n{output}");
            }

            // A port picked here may be taken by the time the server binds it; try a few.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                await File.AppendAllTextAsync(Path.Combine(root, "data", "postgresql.conf"), string.Create(CultureInfo.InvariantCulture, $"""

                    # Mirt test cluster
                    listen_addresses = '127.0.0.1'
                    port = {port}
                    unix_socket_directories = '{Path.Combine(root, "sock")}'
                    fsync = on
                    synchronous_commit = on
                    max_connections = 300
                    shared_buffers = 64MB
                    log_min_messages = warning

                    """));
                try
                {
                    await PgCtlStartAsync(root);
                    var connection = new NpgsqlConnectionStringBuilder
                    {
                        Host = "127.0.0.1",
                        Port = port,
                        Username = "postgres",
                        Database = "postgres",
                        Pooling = false,
                    };
                    return new PostgresCluster(connection.ConnectionString, root, port);
                }
                catch (InvalidOperationException) when (attempt < 4)
                {
                    // Port in use, most likely: append another port and try again.
                }
            }
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    private static async Task PgCtlStartAsync(string root) =>
        await PgCtlAsync(root, "start", "-w", "-t", "60", "-l", Path.Combine(root, "postgres.log"));

    private static async Task PgCtlAsync(string root, params string[] arguments)
    {
        var (code, output) = await OsCommand.RunAsServiceAsync(
            PostgresBinaries.Path("pg_ctl"),
            ["-D", Path.Combine(root, "data"), .. arguments],
            root,
            TimeSpan.FromMinutes(2));
        if (code != 0)
        {
            var log = Path.Combine(root, "postgres.log");
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no log)";
            throw new InvalidOperationException($"pg_ctl {arguments[0]} failed with exit code {code}:\n{output}\nServer log:\n{tail}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts a detached shell that waits for this process to exit (normally, by a crash or by the test runner
    /// killing it) and then stops the cluster and deletes its folder, so no server outlives the tests.</summary>
    private static void StartWatchdog(string root)
    {
        var stop = OsCommand.IsRoot
            ? $"runuser -u {OsCommand.ServiceUser} -- '{PostgresBinaries.Path("pg_ctl")}'"
            : $"'{PostgresBinaries.Path("pg_ctl")}'";
        var script = string.Create(CultureInfo.InvariantCulture, $"""
            exec </dev/null >/dev/null 2>&1
            while kill -0 {Environment.ProcessId}; do sleep 0.5; done
            [ -f '{root}/data/postmaster.pid' ] && {stop} -D '{root}/data' stop -m immediate
            rm -rf '{root}'
            """);
        // Double fork: the outer shell exits at once, so the watchdog is no child of this process and survives a
        // runner that kills this process's whole tree.
        using var launcher = Process.Start(new ProcessStartInfo("sh", ["-c", "setsid sh -c \"$1\" </dev/null >/dev/null 2>&1 &", "mirt-pg-watchdog", script])
        {
            UseShellExecute = false,
            WorkingDirectory = "/",
        })!;
        launcher.WaitForExit();
    }

    /// <summary>Stops and deletes clusters left behind by test processes that died without cleaning up.</summary>
    private static void SweepAbandonedClusters()
    {
        foreach (var folder in Directory.GetDirectories(OsCommand.TempRoot, FolderPrefix + "*"))
        {
            var ownerFile = Path.Combine(folder, "owner.pid");
            if (!File.Exists(ownerFile)
                || !int.TryParse(File.ReadAllText(ownerFile), NumberStyles.Integer, CultureInfo.InvariantCulture, out var owner)
                || Directory.Exists($"/proc/{owner}"))
            {
                continue;
            }

            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                try
                {
                    PgCtlAsync(folder, "stop", "-m", "immediate").GetAwaiter().GetResult();
                }
                catch (InvalidOperationException)
                {
                    // Not running any more.
                }
            }

            TryDelete(folder);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
