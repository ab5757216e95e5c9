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
public sealed record MirtSettings(
    string Urls,
    string? ManyChatToken,
    string DataDirectory,
    string? Postgres,
    string? PromptsDirectory,
    string? CatalogFile,
    string? ShopFile)
{
    /// <summary>Reads the settings from configuration (environment variables and <c>appsettings.json</c>).</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The settings.</returns>
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
            Value(configuration, "MIRT_SHOP"));
    }

    /// <summary>Turns the settings into assistant options.</summary>
    /// <returns>The options.</returns>
    /// <exception cref="NotSupportedException"><c>MIRT_POSTGRES</c> is set; this build has no PostgreSQL store yet.</exception>
    public SalesAssistantOptions ToAssistantOptions()
    {
        if (Postgres is not null)
        {
            throw new NotSupportedException("MIRT_POSTGRES is set, but this build has no PostgreSQL store yet; unset it to use the embedded store in MIRT_DATA_DIR.");
        }

        return new SalesAssistantOptions
        {
            DataDirectory = DataDirectory,
            PromptsDirectory = PromptsDirectory,
            CatalogFile = CatalogFile,
            ShopFile = ShopFile,
        };
    }

    private static string? Value(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value ? value : null;
}
