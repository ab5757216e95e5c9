using System.Diagnostics;
using System.Globalization;

namespace Mirt.Testing.Llm;

public sealed partial class LlamaServer
{
    private static LlamaServer Launch(string binary, string model, int port, string apiKey, LlamaServerOptions options)
    {
        var threads = options.Threads.ToString(CultureInfo.InvariantCulture);
        var info = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        string[] arguments =
        [
            "--model", model,
            "--alias", ModelId,
            "--host", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--api-key", apiKey,
            "--ctx-size", options.ContextSize.ToString(CultureInfo.InvariantCulture),
            "--parallel", options.Slots.ToString(CultureInfo.InvariantCulture),
            "--threads", threads,
            "--threads-batch", threads,
            "--seed", "42",
            "--jinja",
            "--no-webui",
            "--no-warmup",
            "--log-colors", "off",
            .. options.ExtraArguments,
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var log = new ServerLog();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {binary}.");
        process.ErrorDataReceived += (_, e) => log.Append(e.Data);
        process.OutputDataReceived += (_, e) => log.Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        StartWatchdog(process.Id, binary);
        return new LlamaServer(process, log, port, apiKey);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken); // drains the output readers into the log
                throw new InvalidOperationException($"llama-server exited with code {_process.ExitCode} while starting. Its log:\n{Log}");
            }

            try
            {
                // 503 while the model loads, 200 once it can serve.
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // This one probe timed out; the overall deadline decides.
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"llama-server did not answer /health with 200 within {timeout.TotalSeconds:F0} s. Its log:\n{Log}");
    }

    /// <summary>Starts a detached shell that kills the server once this process is gone (a crash, or a runner killing
    /// the test host), so no server outlives the tests; it ends by itself when the server exits first.</summary>
    private static void StartWatchdog(int serverPid, string binary)
    {
        var script = string.Create(CultureInfo.InvariantCulture, $"""
            exec </dev/null >/dev/null 2>&1
            while kill -0 {Environment.ProcessId} && kill -0 {serverPid}; do sleep 1; done
            [ /proc/{serverPid}/exe -ef "$1" ] && kill -9 {serverPid}
            """);
        // Double fork: the launcher exits at once, so the watchdog is no child of this process and survives a runner
        // that kills this process's whole tree.
        using var launcher = Process.Start(new ProcessStartInfo("sh", ["-c", "setsid sh -c \"$1\" mirt-llama-watchdog \"$2\" </dev/null >/dev/null 2>&1 &", "sh", script, binary])
        {
            UseShellExecute = false,
            WorkingDirectory = "/",
        })!;
        launcher.WaitForExit();
    }
}
