using System.Globalization;

namespace Mirt.Host.ManyChat;

/// <summary>
/// Reads the push-mode settings from configuration (environment variables, <c>appsettings.json</c>):
/// <c>MIRT_MANYCHAT_API_KEY</c> (required for push mode, never logged), <c>MIRT_MANYCHAT_API_URL</c>,
/// <c>MIRT_MANYCHAT_API_TIMEOUT_MS</c>, <c>MIRT_MANYCHAT_API_SEND_PER_SECOND</c> and
/// <c>MIRT_MANYCHAT_API_TAGS_PER_SECOND</c>; anything unset keeps the <see cref="ManyChatClientOptions"/> default.
/// </summary>
public static class ManyChatApiSettings
{
    /// <summary>Reads the settings.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The client options, or <see langword="null"/> when <c>MIRT_MANYCHAT_API_KEY</c> is unset (push mode
    /// is then unavailable).</returns>
    /// <exception cref="InvalidOperationException">A setting is malformed; the message names it and the fix.</exception>
    public static ManyChatClientOptions? From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var key = configuration["MIRT_MANYCHAT_API_KEY"];
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var defaults = new ManyChatClientOptions();
        var urlText = configuration["MIRT_MANYCHAT_API_URL"];
        Uri? url = null;
        if (!string.IsNullOrWhiteSpace(urlText) && !Uri.TryCreate(urlText, UriKind.Absolute, out url))
        {
            throw new InvalidOperationException("MIRT_MANYCHAT_API_URL is not an absolute address; leave it unset for https://api.manychat.com.");
        }

        return new ManyChatClientOptions
        {
            ApiKey = key.Trim(),
            ApiUrl = url ?? defaults.ApiUrl,
            Timeout = Positive(configuration, "MIRT_MANYCHAT_API_TIMEOUT_MS", "milliseconds, for example 5000") is { } ms ? TimeSpan.FromMilliseconds(ms) : defaults.Timeout,
            SendContentPerSecond = Positive(configuration, "MIRT_MANYCHAT_API_SEND_PER_SECOND", "requests per second, at most 25") ?? defaults.SendContentPerSecond,
            TagFieldPerSecond = Positive(configuration, "MIRT_MANYCHAT_API_TAGS_PER_SECOND", "requests per second, at most 10") ?? defaults.TagFieldPerSecond,
        };
    }

    private static int? Positive(IConfiguration configuration, string key, string example)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new InvalidOperationException($"{key} is '{text}'; give a whole number of {example}.");
    }
}
