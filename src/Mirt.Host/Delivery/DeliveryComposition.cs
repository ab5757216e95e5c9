using Mirt.Delivery;
using Mirt.Host.ManyChat;
using Mirt.Sales.Assistant;

namespace Mirt.Host.Delivery;

/// <summary>
/// Opens the delivery store beside the checkpoint store (the same SQLite file or PostgreSQL database) and registers the
/// delivery parts: the runtime, the webhook answerer, the turn dispatcher, the outbox pusher, follow-ups, the operator
/// token and the hosted service that runs and stops them.
/// </summary>
internal static class DeliveryComposition
{
    /// <summary>Opens the store the settings name.</summary>
    /// <param name="settings">The host settings (store location).</param>
    /// <param name="logging">Where the store logs.</param>
    /// <returns>The store; the caller disposes it after the application.</returns>
    public static Task<IDeliveryStore> OpenStoreAsync(Mirt.Host.Settings.MirtSettings settings, ILoggerFactory logging)
    {
        var logger = logging.CreateLogger("Mirt.Delivery");
        if (settings.Postgres is { } connectionString)
        {
            return DeliveryStores.OpenPostgresAsync(new DeliveryPostgresOptions { ConnectionString = connectionString, MaxPoolSize = settings.PostgresMaxPool }, logger);
        }

        Directory.CreateDirectory(settings.DataDirectory);
        return DeliveryStores.OpenSqliteAsync(Path.GetFullPath(Path.Combine(settings.DataDirectory, "mirt.db")), logger);
    }

    /// <summary>Registers the delivery parts.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="store">The opened store.</param>
    /// <param name="assistant">The assistant.</param>
    /// <param name="settings">The delivery settings.</param>
    /// <param name="client">The ManyChat API client, or <see langword="null"/> without an API key.</param>
    /// <param name="logging">Where the parts log.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddMirtDelivery(this IServiceCollection services, IDeliveryStore store, SalesAssistant assistant, DeliverySettings settings, ManyChatClient? client, ILoggerFactory logging)
    {
        var logger = logging.CreateLogger("Mirt.Host.Delivery");
        var runtime = new DeliveryRuntime(store, assistant, settings, client, TimeProvider.System);
        var marker = new EscalationMarker(runtime, logger);
        var dispatcher = new TurnDispatcher(runtime, new TurnRunner(runtime, marker, logger), logger);
        var pusher = new OutboxPusher(runtime, new PushSender(runtime, marker, logger), logger);
        var service = new DeliveryService(runtime, dispatcher, pusher, new FollowUpScheduler(runtime, logger), logger);
        services.AddSingleton(runtime);
        services.AddSingleton(marker);
        services.AddSingleton(new WebhookAnswerer(runtime, dispatcher, logger));
        services.AddSingleton(new OperatorToken(settings.AdminToken));
        services.AddSingleton(service);
        services.AddHostedService(_ => service);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout);
        return services;
    }
}
