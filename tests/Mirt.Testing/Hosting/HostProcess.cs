using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Mirt.Testing;

namespace Mirt.Testing.Hosting;

/// <summary>Runs the real host executable (<c>mirt serve</c>) as a child process on a free loopback port, keeping
/// everything it writes; shared by the host tests and the runbook tests.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _stderr = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.ErrorDataReceived += (_, e) => { lock (_stderr) { _stderr.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.OutputDataReceived += (_, e) => { lock (_stderr) { _stderr.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
    }

    public Uri Address { get; }

    public string Log { get { lock (_stderr) { return _stderr.ToString(); } } }

    /// <summary>Gets a value indicating whether the host process has ended (crashed, killed or stopped).</summary>
    public bool HasExited => _process.HasExited;

    public static string HostDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(RepoPaths.Src, "Mirt.Host", "bin", configuration, "net10.0", "mirt.dll");
        }
    }

    public static ProcessStartInfo StartInfo(string dataDir, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        info.ArgumentList.Add(HostDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["MIRT_DATA_DIR"] = dataDir;
        info.Environment["MIRT_PROMPTS_DIR"] = RepoPaths.Prompts;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    public static async Task<HostProcess> StartAsync(string dataDir, string? token = "test-secret", IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var info = StartInfo(dataDir, "serve");
        // One message, one turn, at once: tests of other features send messages back to back and would otherwise be
        // merged (debounce) or answered as re-deliveries (dedup). Delivery tests set these themselves.
        info.Environment["MIRT_DEBOUNCE_MS"] = "0";
        info.Environment["MIRT_DEDUP_WINDOW_MS"] = "0";
        info.Environment["MIRT_SHUTDOWN_DRAIN_MS"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        info.Environment["MIRT_URLS"] = $"http://127.0.0.1:{port}";
        if (token is not null)
        {
            info.Environment["MIRT_MANYCHAT_TOKEN"] = token;
        }

        var host = new HostProcess(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = host.Address };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (host._process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {host._process.ExitCode}:\n{host.Log}");
            }

            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        await host.DisposeAsync();
        throw new TimeoutException($"The host did not become healthy in 30 s:\n{host.Log}");
    }

    /// <summary>Asks the process to stop with SIGTERM (what Kubernetes and systemd send) and waits for it to exit.</summary>
    /// <param name="timeout">How long to wait before killing it instead.</param>
    /// <returns><see langword="true"/> when it exited by itself within <paramref name="timeout"/>.</returns>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return false;
        }
    }

    /// <summary>Kills the process with SIGKILL: no shutdown hooks, no flushing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
