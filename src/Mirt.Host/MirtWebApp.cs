using Mirt.Host.Delivery;
using Mirt.Host.Media;
using Mirt.Host.Observability;
using Mirt.Host.Settings;
using Mirt.Host.Web;
using Mirt.Sales.Assistant;

namespace Mirt.Host;

/// <summary>
/// Builds the webhook application <c>serve</c> runs: console logs, the telemetry pipeline, the shared secret, the
/// photo fetcher, the assistant, prompt hot reload and every endpoint. <c>bench</c> builds the very same application
/// (with its own store wrapper and model, see <see cref="MirtWebAppOverrides"/>), so it measures what production runs.
/// </summary>
internal sealed class MirtWebApp : IAsyncDisposable
{
    private readonly HttpImageFetcher _media;
    private readonly MirtTelemetry _telemetry;
    private Microsoft.Extensions.AI.IChatClient? _chat;
    private Mirt.Delivery.IDeliveryStore? _delivery;
    private ManyChat.ManyChatClient? _manyChat;

    private MirtWebApp(WebApplication app, SalesAssistant assistant, HttpImageFetcher media, MirtTelemetry telemetry)
    {
        App = app;
        Assistant = assistant;
        _media = media;
        _telemetry = telemetry;
    }

    /// <summary>Gets the application; start it with <c>RunAsync</c> or <c>StartAsync</c>.</summary>
    public WebApplication App { get; }

    /// <summary>Gets the assistant the webhook calls.</summary>
    public SalesAssistant Assistant { get; }

    /// <summary>Creates the assistant and builds the application on <paramref name="builder"/>.</summary>
    /// <param name="builder">A fresh builder; its configuration supplies logging, OTLP and media settings.</param>
    /// <param name="settings">Where to listen (<see cref="MirtSettings.Urls"/>), the shared secret and the store.</param>
    /// <param name="storeLogging">Where the assistant, its store and the photo fetcher log; the caller disposes it
    /// after this application.</param>
    /// <param name="overrides">What <c>bench</c> replaces; <see langword="null"/> for <c>serve</c>.</param>
    /// <returns>The application, not started yet.</returns>
    /// <exception cref="InvalidOperationException">A setting or the store is broken (see <see cref="SalesAssistant.CreateAsync"/>).</exception>
    public static async Task<MirtWebApp> CreateAsync(WebApplicationBuilder builder, MirtSettings settings, ILoggerFactory storeLogging, MirtWebAppOverrides? overrides = null)
    {
        builder.Logging.AddMirtConsole(builder.Configuration);
        var telemetry = MirtTelemetry.Start(builder.Configuration);
        HttpImageFetcher? media = null;
        Microsoft.Extensions.AI.IChatClient? chat = null;
        SalesAssistant? assistant = null;
        Mirt.Delivery.IDeliveryStore? delivery = null;
        ManyChat.ManyChatClient? manyChat = null;
        try
        {
            builder.Services.AddSingleton(telemetry);
            builder.WebHost.UseUrls(settings.Urls);
            builder.Services.AddSingleton(new SharedSecret(settings.ManyChatToken));
            builder.Services.AddSingleton(_ => new WebhookRateLimiter(settings.RateLimits));
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = WebhookEndpoints.MaxBodyBytes);
            media = new HttpImageFetcher(MediaSettings.From(builder.Configuration), storeLogging.CreateLogger("Mirt.Host.Media"));
            // The bench's store wrapper and model replace the settings' own; serve builds its model client from MIRT_LLM_*.
            chat = overrides is null ? settings.Llm.CreateClient(storeLogging, TimeProvider.System) : null;
            var deliverySettings = Delivery.DeliverySettings.From(builder.Configuration);
            manyChat = ManyChat.ManyChatApiSettings.From(builder.Configuration) is { } api
                ? new ManyChat.ManyChatClient(api, storeLogging.CreateLogger("Mirt.Host.ManyChat"), TimeProvider.System)
                : null;
            var visionBudget = deliverySettings.VisionBudget(canPush: manyChat is not null);
            assistant = await SalesAssistant.CreateAsync(settings.ToAssistantOptions(storeLogging, media, overrides?.Saver, overrides?.ChatClient ?? chat, visionBudget)).ConfigureAwait(false);
            builder.Services.AddSingleton(assistant);
            delivery = overrides?.Delivery ?? await Delivery.DeliveryComposition.OpenStoreAsync(settings, storeLogging).ConfigureAwait(false);
            builder.Services.AddMirtDelivery(delivery, assistant, deliverySettings, manyChat, storeLogging);
            builder.Services.AddMirtPromptHotReload(builder.Environment);
            var app = builder.Build();
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mirt.Host");
            HostLog.StoreOpened(logger, assistant.StoreDescription, assistant.PromptsDirectory);
            if (assistant.Degraded)
            {
                HostLog.DegradedAtStartup(logger);
            }
            else
            {
                var llm = overrides is null ? settings.Llm.Describe() : "bench scripted model";
                HostLog.LlmConfigured(logger, llm);
            }

            CanaryLog.AtStartup(logger, settings.Canary);
            if (settings.ManyChatToken is null)
            {
                HostLog.NoSharedSecret(logger);
            }

            app.MapMirtEndpoints();
            app.MapOperatorEndpoints();
            app.MapMirtMetrics();
            // The bench's delivery store is the bench's to dispose.
            return new MirtWebApp(app, assistant, media, telemetry) { _chat = chat, _delivery = overrides is null ? delivery : null, _manyChat = manyChat };
        }
        catch
        {
            if (assistant is not null)
            {
                await assistant.DisposeAsync().ConfigureAwait(false);
            }

            if (delivery is not null && overrides is null)
            {
                await delivery.DisposeAsync().ConfigureAwait(false);
            }

            manyChat?.Dispose();
            media?.Dispose();
            chat?.Dispose();
            telemetry.Dispose();
            throw;
        }
    }

    /// <summary>Disposes the application (its delivery loops stop first), the assistant (and the store it owns), the
    /// delivery store, the ManyChat client, the photo fetcher and the telemetry pipeline, in that order.</summary>
    /// <returns>A task that completes when everything is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync().ConfigureAwait(false);
        await Assistant.DisposeAsync().ConfigureAwait(false);
        if (_delivery is not null)
        {
            await _delivery.DisposeAsync().ConfigureAwait(false);
        }

        _manyChat?.Dispose();
        _media.Dispose();
        _chat?.Dispose();
        _telemetry.Dispose();
    }
}
