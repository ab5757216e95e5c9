using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Mirt.Testing.Llm;

/// <summary>
/// A real llama.cpp <c>llama-server</c> on a free loopback port, serving the <see cref="TinyGguf"/> model through its
/// OpenAI-compatible API (<c>/v1/chat/completions</c>, <c>/v1/models</c>, ...) behind a bearer API key. Start one with
/// <see cref="StartAsync(string, CancellationToken)"/> (the caller disposes it) or share the process-wide one through
/// <see cref="GetSharedAsync"/> / <see cref="LlamaServerFixture"/>.
/// </summary>
/// <remarks>The program comes from <see cref="LlamaServerBinary.Locate"/>; a missing program is an error naming
/// <c>bash scripts/build-llama-server</c>, never a skipped test. A detached watchdog kills the server if this process
/// dies without disposing it. Sampling uses a fixed default seed (<c>--seed 42</c>), so a repeated request usually gets
/// the same nonsense back (requests batched together can shift the floating-point sums); send <c>"seed"</c> or
/// <c>"temperature": 0</c> where a test depends on it.</remarks>
public sealed partial class LlamaServer : IAsyncDisposable
{
    /// <summary>The API key of the shared server (<see cref="GetSharedAsync"/>).</summary>
    public const string SharedApiKey = "mirt-test-key";

    /// <summary>The model id the server reports and accepts (<c>--alias</c>).</summary>
    public const string ModelId = TinyGguf.Name;

    private static readonly Lazy<Task<LlamaServer>> Shared = new(StartSharedAsync);

    private readonly Process _process;
    private readonly ServerLog _log;
    private bool _disposed;

    private LlamaServer(Process process, ServerLog log, int port, string apiKey)
    {
        _process = process;
        _log = log;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        Endpoint = new Uri(BaseAddress, "v1");
        ApiKey = apiKey;
    }

    /// <summary>Gets the OpenAI-compatible endpoint, <c>http://127.0.0.1:PORT/v1</c> (what an OpenAI client's endpoint
    /// option takes; requests go to <c>{Endpoint}/chat/completions</c>).</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the server's root, <c>http://127.0.0.1:PORT/</c>, for an <see cref="HttpClient.BaseAddress"/>
    /// (then request <c>v1/chat/completions</c>, <c>health</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the API key the server requires as <c>Authorization: Bearer …</c> on <c>/v1/*</c>.</summary>
    public string ApiKey { get; }

    /// <summary>Gets the model id to send in requests: <see cref="ModelId"/>.</summary>
    public string Model => ModelId;

    /// <summary>Gets the last part of what the server wrote to stdout and stderr (start-up, per-request lines, errors).</summary>
    public string Log => _log.ToString();

    /// <summary>Gets whether the server process has exited (or was killed by <see cref="DisposeAsync"/>).</summary>
    public bool HasExited => _disposed || _process.HasExited;

    /// <summary>Starts a server with the default <see cref="LlamaServerOptions"/> and waits until it is ready.</summary>
    /// <param name="apiKey">The API key the server will require.</param>
    /// <param name="cancellationToken">Cancels the start; the half-started server is killed.</param>
    /// <returns>The ready server; dispose it to kill it.</returns>
    /// <exception cref="InvalidOperationException">llama-server is not built, or exited while starting (its log is in the message).</exception>
    /// <exception cref="TimeoutException">The server was not healthy within <see cref="LlamaServerOptions.StartTimeout"/>.</exception>
    public static Task<LlamaServer> StartAsync(string apiKey, CancellationToken cancellationToken = default) =>
        StartAsync(apiKey, new LlamaServerOptions(), cancellationToken);

    /// <summary>Starts a server and waits until it is ready.</summary>
    /// <param name="apiKey">The API key the server will require.</param>
    /// <param name="options">How to run it.</param>
    /// <param name="cancellationToken">Cancels the start; the half-started server is killed.</param>
    /// <returns>The ready server; dispose it to kill it.</returns>
    /// <exception cref="InvalidOperationException">llama-server is not built, or exited while starting (its log is in the message).</exception>
    /// <exception cref="TimeoutException">The server was not healthy within <see cref="LlamaServerOptions.StartTimeout"/>.</exception>
    public static async Task<LlamaServer> StartAsync(string apiKey, LlamaServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentNullException.ThrowIfNull(options);
        var binary = LlamaServerBinary.Locate();
        var model = TinyGgufFile.Path;

        // The free port is only free until someone else takes it; a server that could not bind gets another try.
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(binary, model, FreePort(), apiKey, options);
            try
            {
                await server.WaitUntilHealthyAsync(options.StartTimeout, cancellationToken);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.Log.Contains("bind", StringComparison.OrdinalIgnoreCase))
            {
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Returns the process-wide server (API key <see cref="SharedApiKey"/>, default options), starting it on
    /// first use. It lives until the process exits; never dispose it.</summary>
    /// <returns>The shared server.</returns>
    /// <exception cref="InvalidOperationException">llama-server is not built, or exited while starting.</exception>
    public static Task<LlamaServer> GetSharedAsync() => Shared.Value;

    /// <summary>Kills the server (and waits for it to exit); later calls do nothing.</summary>
    /// <returns>A task that completes when the process has exited.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Exited and reaped between the check and the kill.
        }

        _process.Dispose();
    }

    private static async Task<LlamaServer> StartSharedAsync()
    {
        var server = await StartAsync(SharedApiKey);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
