using Mirt.Graph.Checkpoints;
using Mirt.Host.Settings;

namespace Mirt.Host.Bench;

/// <summary>
/// Runs the webhook host in this process on a free loopback port, built exactly as <c>serve</c> builds it
/// (<see cref="MirtWebApp"/>, settings from the same environment variables), except that the store is the bench's
/// timing wrapper, the model is the bench's (or none), and only warnings are logged.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    /// <summary>Gets the shared secret the bench host expects, so the secret check runs on every request.</summary>
    public const string Token = "bench-secret";

    private readonly MirtWebApp _app;
    private bool _stopped;

    private BenchHost(MirtWebApp app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Gets the host's base address (<c>http://127.0.0.1:PORT</c>).</summary>
    public Uri Address { get; }

    /// <summary>Gets the assistant behind the webhook.</summary>
    public Mirt.Sales.Assistant.SalesAssistant Assistant => _app.Assistant;

    /// <summary>Builds and starts the host.</summary>
    /// <param name="saver">The store the assistant writes to.</param>
    /// <param name="delivery">The inbox and outbox, on the same database; the caller disposes it.</param>
    /// <param name="model">The scripted model, or <see langword="null"/> for degraded (rule-only) mode.</param>
    /// <param name="logging">Where the assistant and the store log.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running host.</returns>
    /// <exception cref="InvalidOperationException">A setting, template or data file is broken.</exception>
    public static async Task<BenchHost> StartAsync(ICheckpointSaver saver, Mirt.Delivery.IDeliveryStore delivery, Microsoft.Extensions.AI.IChatClient? model, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Per-turn information lines (webhook turn, agent_step, checkpointer) would put console I/O on the measured
        // path; warnings still show.
        // The bench's customers wait for each answer before writing again, so the debounce window would only add its
        // 1.5 s to every turn, and the script's repeated lines would read as re-deliveries: both off.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["MIRT_DEBOUNCE_MS"] = "0",
            ["MIRT_DEDUP_WINDOW_MS"] = "0",
        });
        var settings = MirtSettings.From(builder.Configuration) with { Urls = "http://127.0.0.1:0", ManyChatToken = Token, RateLimits = RateLimitSettings.Off };
        var app = await MirtWebApp.CreateAsync(builder, settings, logging, new MirtWebAppOverrides(saver, model, delivery)).ConfigureAwait(false);
        try
        {
            await app.App.StartAsync(cancellationToken).ConfigureAwait(false);
            return new BenchHost(app, new Uri(app.App.Urls.First()));
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the host gracefully (in-flight requests finish).</summary>
    /// <returns>A task that completes when the host has stopped.</returns>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.App.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the host and disposes it; the store is the caller's to dispose.</summary>
    /// <returns>A task that completes when the host is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
