using Mirt.Sales.Assistant;

namespace Mirt.Host.Settings;

/// <summary>
/// Reads the host's settings from environment variables (also bindable from <c>appsettings.json</c> under the same
/// names). Every setting, its default and its meaning is listed in the README.
/// </summary>
/// <param name="Urls">Where the webhook listens (<c>MIRT_URLS</c>); default <c>http://127.0.0.1:8080</c>.</param>
/// <param name="ManyChatToken">The shared secret ManyChat sends in <c>X-ManyChat-Token</c> (<c>MIRT_MANYCHAT_TOKEN</c>); none by default.</param>
/// <param name="DataDirectory">Where the embedded store lives (<c>MIRT_DATA_DIR</c>); default <c>./.mirt</c>.</param>
/// <param name="Postgres">The PostgreSQL connection string (<c>MIRT_POSTGRES</c>); none by default.</param>
/// <param name="PromptsDirectory">The prompts directory (<c>MIRT_PROMPTS_DIR</c>); found automatically by default.</param>
/// <param name="CatalogFile">A catalog file replacing the embedded demo catalog (<c>MIRT_CATALOG</c>).</param>
/// <param name="ShopFile">A shop-profile file replacing the embedded demo profile (<c>MIRT_SHOP</c>).</param>
/// <param name="PostgresPooler">How PostgreSQL is reached (<c>MIRT_POSTGRES_POOLER</c>): <c>none</c> (default) or
/// <c>transaction</c> behind PgBouncer/Supabase transaction pooling.</param>
/// <param name="PostgresMaxPool">The most PostgreSQL connections of each of the process's two pools, checkpoints and
/// delivery (<c>MIRT_POSTGRES_MAX_POOL</c>); default 8.</param>
public sealed record MirtSettings(
    string Urls,
    string? ManyChatToken,
    string DataDirectory,
    string? Postgres,
    string? PromptsDirectory,
    string? CatalogFile,
    string? ShopFile,
    string PostgresPooler = "none",
    int PostgresMaxPool = 8)
{
    /// <summary>Gets the canary release settings (<c>MIRT_CANARY_*</c>).</summary>
    /// <value>The default is <see cref="CanarySettings.Off"/>.</value>
    public CanarySettings Canary { get; init; } = CanarySettings.Off;

    /// <summary>Gets the webhook's rate limits (<c>MIRT_RATE_PER_SUBSCRIBER</c>, <c>MIRT_RATE_GLOBAL</c>).</summary>
    /// <value>The default is <see cref="RateLimitSettings.Default"/>: 20/min per subscriber, 100/s in all.</value>
    public RateLimitSettings RateLimits { get; init; } = RateLimitSettings.Default;

    /// <summary>Gets the LLM settings (<c>MIRT_LLM_*</c>); none configured means degraded (rule-only) mode.</summary>
    public LlmSettings Llm { get; init; } = new(null, null, null, null, 6_000, 7_000, 4_000, new Mirt.Llm.Diagnostics.LlmPriceTable());

    /// <summary>Reads the settings from configuration (environment variables and <c>appsettings.json</c>).</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="InvalidOperationException">A canary or rate-limit setting is malformed (see
    /// <see cref="CanarySettings.From"/> and <see cref="RateLimitSettings.From"/>).</exception>
    public static MirtSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new MirtSettings(
            Value(configuration, "MIRT_URLS") ?? "http://127.0.0.1:8080",
            Value(configuration, "MIRT_MANYCHAT_TOKEN"),
            Value(configuration, "MIRT_DATA_DIR") ?? ".mirt",
            Value(configuration, "MIRT_POSTGRES"),
            Value(configuration, "MIRT_PROMPTS_DIR"),
            Value(configuration, "MIRT_CATALOG"),
            Value(configuration, "MIRT_SHOP"),
            Value(configuration, "MIRT_POSTGRES_POOLER") ?? "none",
            int.TryParse(Value(configuration, "MIRT_POSTGRES_MAX_POOL"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pool) ? pool : 8)
        {
            Canary = CanarySettings.From(configuration),
            RateLimits = RateLimitSettings.From(configuration),
            Llm = LlmSettings.From(configuration),
        };
    }

    /// <summary>Turns the settings into assistant options: PostgreSQL when <c>MIRT_POSTGRES</c> is set, otherwise the
    /// embedded SQLite store in <c>MIRT_DATA_DIR</c>.</summary>
    /// <param name="logging">Where stores log; <see langword="null"/> for nowhere.</param>
    /// <param name="imageFetcher">Downloads customers' photos for the vision model (<see cref="Media.HttpImageFetcher"/>);
    /// <see langword="null"/> hands every photo to a manager.</param>
    /// <param name="saver">A store opened by the caller (the bench's timing wrapper) instead of the one the settings
    /// name; <see langword="null"/> opens the settings' store.</param>
    /// <param name="chatClient">The model of the LLM path; <see langword="null"/> for none (degraded mode).</param>
    /// <param name="visionBudget">How long one vision call may take (see <see cref="Delivery.DeliverySettings.VisionBudget"/>);
    /// <see langword="null"/> for the vision node's default (5 s).</param>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException"><c>MIRT_POSTGRES_POOLER</c> is not <c>none</c> or <c>transaction</c>,
    /// or <c>MIRT_POSTGRES_MAX_POOL</c> is below 1.</exception>
    public SalesAssistantOptions ToAssistantOptions(ILoggerFactory? logging = null, Nodes.Abstractions.Media.IImageFetcher? imageFetcher = null, Mirt.Graph.Checkpoints.ICheckpointSaver? saver = null, Microsoft.Extensions.AI.IChatClient? chatClient = null, TimeSpan? visionBudget = null)
    {
        var behindPooler = PostgresPooler switch
        {
            "none" => false,
            "transaction" => true,
            _ => throw new InvalidOperationException($"MIRT_POSTGRES_POOLER is '{PostgresPooler}'; use 'none' (direct connections) or 'transaction' (PgBouncer/Supabase transaction pooling)."),
        };
        if (PostgresMaxPool < 1)
        {
            throw new InvalidOperationException($"MIRT_POSTGRES_MAX_POOL is {PostgresMaxPool}; it must be at least 1 (the seeds run 5-8).");
        }

        return new SalesAssistantOptions
        {
            DataDirectory = DataDirectory,
            Store = Postgres is null ? Sales.Storage.StoreKind.Sqlite : Sales.Storage.StoreKind.Postgres,
            PostgresConnectionString = Postgres,
            PostgresBehindPooler = behindPooler,
            PostgresMaxPoolSize = PostgresMaxPool,
            Logging = logging,
            PromptsDirectory = PromptsDirectory,
            CatalogFile = CatalogFile,
            ShopFile = ShopFile,
            ImageFetcher = imageFetcher,
            Saver = saver,
            ChatClient = chatClient,
            LlmReply = Llm.ToReplyOptions(),
            Canary = Canary.ToOptions(),
            Vision = visionBudget is { } budget ? new Nodes.Vision.VisionOptions { ModelTimeout = budget } : null,
        };
    }

    /// <summary>Reads a setting; an empty value counts as unset. Shared by the settings records read beside this one.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="key">The variable, for example <c>MIRT_POSTGRES</c>.</param>
    /// <returns>The value, or <see langword="null"/> when unset or empty.</returns>
    internal static string? Value(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value ? value : null;
}
