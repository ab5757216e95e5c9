using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Mirt.Testing;

namespace Mirt.Ops.Tests;

/// <summary>
/// Runs the real host executable (<c>mirt serve</c>) as a child process on a free loopback port, keeping its log.
/// The same approach as <c>Mirt.Host.Tests</c>' HostProcess, trimmed to what the runbook tests need.
/// </summary>
internal sealed class HostUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private HostUnderTest(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public Uri Address { get; }

    /// <summary>Gets everything the host wrote so far (standard output and error).</summary>
    public string Log { get { lock (_log) { return _log.ToString(); } } }

    /// <summary>Gets the built host (<c>src/Mirt.Host/bin/&lt;configuration&gt;/net10.0/mirt.dll</c>), in the
    /// configuration these tests were built in.</summary>
    public static string HostDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(RepoPaths.Src, "Mirt.Host", "bin", configuration, "net10.0", "mirt.dll");
        }
    }

    public static async Task<HostUnderTest> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(HostDll);
        info.ArgumentList.Add("serve");
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        info.Environment["MIRT_URLS"] = $"http://127.0.0.1:{port}";
        var host = new HostUnderTest(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = host.Address };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
