using System.Net;

namespace Mirt.Host.ManyChat;

/// <summary>
/// Configures <see cref="ManyChatClient"/>: where ManyChat's public API is, the key, the per-request timeout and the
/// client-side rate limits (ManyChat's published limits, see MANYCHAT.md, Push mode).
/// </summary>
/// <remarks>The rate limits hold per client instance, so one process should share one client. With several host
/// replicas, divide the limits by the number of replicas.</remarks>
public sealed class ManyChatClientOptions
{
    /// <summary>Gets the API key exactly as ManyChat shows it under Settings → API, <c>page-id:key</c>; sent as
    /// <c>Authorization: Bearer page-id:key</c> and never logged.</summary>
    /// <value>There is no default; the client refuses to start without a key.</value>
    public string ApiKey { get; init; } = "";

    /// <summary>Gets the base address of the public API. Must be https unless it is a loopback address (test servers).</summary>
    /// <value>The default is <c>https://api.manychat.com</c>.</value>
    public Uri ApiUrl { get; init; } = new("https://api.manychat.com");

    /// <summary>Gets how long one HTTP request may take, connecting included; waiting for the rate limiter is not
    /// counted. A timed-out request is <see cref="ManyChatOutcome.Transient"/> and may have been delivered.</summary>
    /// <value>The default is 5 seconds.</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets ManyChat's limit of <c>sendContent</c> requests per second, for the whole client (ManyChat allows
    /// 25). Requests are spaced evenly at 1.05 s / (limit − 1), so no one-second span ever holds more than the limit,
    /// even with network jitter; the sustained rate is (limit − 1) / 1.05, about 22.9 requests per second for 25.</summary>
    /// <value>The default is 25.</value>
    public int SendContentPerSecond { get; init; } = 25;

    /// <summary>Gets ManyChat's limit of tag and custom-field requests per second, shared by <c>addTagByName</c>,
    /// <c>removeTagByName</c> and <c>setCustomFieldByName</c> (ManyChat allows 10); spaced like
    /// <see cref="SendContentPerSecond"/>.</summary>
    /// <value>The default is 10.</value>
    public int TagFieldPerSecond { get; init; } = 10;

    /// <summary>Gets how many requests may wait for the rate limiter at once; a request beyond that ends at once as
    /// <see cref="ManyChatOutcome.RateLimited"/> without calling ManyChat.</summary>
    /// <value>The default is 10,000.</value>
    public int MaxWaitingRequests { get; init; } = 10_000;

    /// <summary>Gets how many times a request ManyChat refused as too many requests is sent again (nothing was sent,
    /// so this is safe) before the call ends as <see cref="ManyChatOutcome.RateLimited"/>.</summary>
    /// <value>The default is 2.</value>
    public int RateLimitedRetries { get; init; } = 2;

    /// <summary>Gets the pause before resending a request ManyChat refused as too many requests.</summary>
    /// <value>The default is 250 milliseconds.</value>
    public TimeSpan RateLimitedBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException"><see cref="ApiKey"/> is blank or holds whitespace, or <see cref="ApiUrl"/>
    /// is not an absolute https address (http only for loopback).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit, timeout or count is out of range.</exception>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey) || ApiKey.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("ManyChatClientOptions.ApiKey is empty or holds whitespace; set MIRT_MANYCHAT_API_KEY to the key from ManyChat → Settings → API (page-id:key).", nameof(ApiKey));
        }

        ArgumentNullException.ThrowIfNull(ApiUrl, nameof(ApiUrl));
        var loopback = ApiUrl.IsAbsoluteUri && (ApiUrl.IsLoopback || (IPAddress.TryParse(ApiUrl.Host, out var ip) && IPAddress.IsLoopback(ip)));
        if (!ApiUrl.IsAbsoluteUri || !(ApiUrl.Scheme == Uri.UriSchemeHttps || (loopback && ApiUrl.Scheme == Uri.UriSchemeHttp)))
        {
            throw new ArgumentException($"ManyChatClientOptions.ApiUrl '{ApiUrl}' must be an absolute https address such as https://api.manychat.com (plain http only for a loopback test server), so the key never travels in clear.", nameof(ApiUrl));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SendContentPerSecond, nameof(SendContentPerSecond));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TagFieldPerSecond, nameof(TagFieldPerSecond));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxWaitingRequests, nameof(MaxWaitingRequests));
        ArgumentOutOfRangeException.ThrowIfNegative(RateLimitedRetries, nameof(RateLimitedRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(RateLimitedBackoff, TimeSpan.Zero, nameof(RateLimitedBackoff));
    }
}
