namespace Mirt.Host.Settings;

/// <summary>
/// Reads the webhook's rate limits: how often one subscriber may write (<c>MIRT_RATE_PER_SUBSCRIBER</c>) and how many
/// webhook requests the whole process takes (<c>MIRT_RATE_GLOBAL</c>). A request over either limit is answered
/// <c>429</c> with a reason and <c>Retry-After</c>; ManyChat then takes the block's fallback path.
/// </summary>
/// <param name="PerSubscriber">The most messages one subscriber may send (<c>MIRT_RATE_PER_SUBSCRIBER</c>), or
/// <see langword="null"/> for no limit (<c>off</c>); default 20/min — a customer's burst of five messages is far
/// below it, a script hammering one thread is not.</param>
/// <param name="Global">The most authenticated webhook requests the process takes (<c>MIRT_RATE_GLOBAL</c>), or
/// <see langword="null"/> for no limit (<c>off</c>); default 100/s — it protects the process and the store, far
/// above what one shop's ManyChat sends.</param>
public sealed record RateLimitSettings(RequestRate? PerSubscriber, RequestRate? Global)
{
    /// <summary>Gets the defaults: 20 messages a minute per subscriber and 100 requests a second in all.</summary>
    public static RateLimitSettings Default { get; } = new(new RequestRate(20, TimeSpan.FromMinutes(1)), new RequestRate(100, TimeSpan.FromSeconds(1)));

    /// <summary>Gets the settings with no limit at all (the bench, which drives more traffic than a shop).</summary>
    public static RateLimitSettings Off { get; } = new(null, null);

    /// <summary>Reads the settings; an unset value keeps its default, <c>off</c> turns that limit off.</summary>
    /// <param name="configuration">The configuration (environment variables, <c>appsettings.json</c>).</param>
    /// <returns>The settings.</returns>
    /// <exception cref="InvalidOperationException">A value is neither <c>off</c> nor a rate such as <c>20/min</c>
    /// (see <see cref="RequestRate.Parse"/>).</exception>
    public static RateLimitSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new RateLimitSettings(
            Read(configuration, "MIRT_RATE_PER_SUBSCRIBER", Default.PerSubscriber),
            Read(configuration, "MIRT_RATE_GLOBAL", Default.Global));
    }

    private static RequestRate? Read(IConfiguration configuration, string key, RequestRate? fallback)
    {
        var text = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return string.Equals(text, "off", StringComparison.OrdinalIgnoreCase) ? null : RequestRate.Parse(text, key);
    }
}
