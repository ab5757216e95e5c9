using System.Globalization;

namespace Mirt.Host.Media;

/// <summary>
/// Reads the photo-download settings from configuration (environment variables, <c>appsettings.json</c>):
/// <c>MIRT_MEDIA_HOSTS</c> (comma-separated allowed hosts, <c>*.domain</c> for subdomains),
/// <c>MIRT_MEDIA_MAX_BYTES</c> and <c>MIRT_MEDIA_TIMEOUT_MS</c>; anything unset keeps the
/// <see cref="MediaFetchOptions"/> default.
/// </summary>
public static class MediaSettings
{
    /// <summary>Reads the settings.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The fetcher options.</returns>
    /// <exception cref="InvalidOperationException"><c>MIRT_MEDIA_MAX_BYTES</c> or <c>MIRT_MEDIA_TIMEOUT_MS</c> is not a
    /// whole number of at least 1.</exception>
    public static MediaFetchOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new MediaFetchOptions();
        var hosts = configuration["MIRT_MEDIA_HOSTS"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new MediaFetchOptions
        {
            AllowedHosts = hosts is { Length: > 0 } ? hosts : defaults.AllowedHosts,
            MaxBytes = Positive(configuration, "MIRT_MEDIA_MAX_BYTES", "bytes, for example 5242880 for 5 MiB") ?? defaults.MaxBytes,
            Timeout = Positive(configuration, "MIRT_MEDIA_TIMEOUT_MS", "milliseconds, for example 3000") is { } ms ? TimeSpan.FromMilliseconds(ms) : defaults.Timeout,
        };
    }

    private static long? Positive(IConfiguration configuration, string key, string example)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new InvalidOperationException($"{key} is '{text}'; give a whole number of {example}.");
    }
}
