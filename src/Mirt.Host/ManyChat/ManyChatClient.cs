using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;
using Mirt.Graph.Diagnostics;
using Mirt.Host.Web;

namespace Mirt.Host.ManyChat;

/// <summary>
/// Calls ManyChat's public API for push mode and the human handoff (see MANYCHAT.md, Push mode): <c>sendContent</c>,
/// <c>addTagByName</c>, <c>removeTagByName</c>, <c>setCustomFieldByName</c>. Every documented error comes back as a
/// <see cref="ManyChatResult"/>; nothing is retried that could have been delivered.
/// </summary>
/// <remarks>
/// Thread-safe; one instance should serve the process, because it owns the connection pool and the client-side rate
/// limiters (<see cref="ManyChatClientOptions.SendContentPerSecond"/> for <c>sendContent</c>,
/// <see cref="ManyChatClientOptions.TagFieldPerSecond"/> shared by the tag and field calls). A call over the limit waits
/// for its turn (the caller's cancellation ends the wait) rather than failing. Retries inside one call are limited to
/// answers that guarantee nothing was sent: a "too many requests" refusal, and one resend without actions and quick
/// replies when ManyChat refuses them (see <see cref="ManyChatExtrasRejection"/>). Everything else is the caller's
/// decision; ManyChat has no idempotency key, so the caller keeps its own send state.
/// </remarks>
public sealed partial class ManyChatClient : IDisposable
{
    private const double JitterMargin = 1.05;

    private readonly ManyChatClientOptions _options;
    private readonly Uri _baseUrl;
    private readonly HttpClient _http;
    private readonly TokenBucketRateLimiter _sendLimiter;
    private readonly TokenBucketRateLimiter _tagFieldLimiter;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the client.</summary>
    /// <param name="options">The settings (<see cref="ManyChatApiSettings.From"/> reads them from the environment).</param>
    /// <param name="logger">Receives one <c>manychat_call</c> line per call; <see langword="null"/> for none.</param>
    /// <param name="time">The clock of timeouts, backoff and latencies; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The key or address is invalid (see <see cref="ManyChatClientOptions"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit or timeout is out of range (see <see cref="ManyChatClientOptions"/>).</exception>
    public ManyChatClient(ManyChatClientOptions options, ILogger? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        var url = options.ApiUrl.ToString();
        _baseUrl = new Uri(url.EndsWith('/') ? url : url + "/");
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _sendLimiter = Limiter(options.SendContentPerSecond, options.MaxWaitingRequests);
        _tagFieldLimiter = Limiter(options.TagFieldPerSecond, options.MaxWaitingRequests);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        _http = new HttpClient(handler)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = 64 * 1024,
        };
    }

    /// <summary>Pushes content to a subscriber (<c>POST /fb/sending/sendContent</c> with
    /// <c>{"subscriber_id":…,"data":{"version":"v2","content":…}}</c>). When ManyChat refuses the content's actions or
    /// quick replies, the messages are sent once more without them and the result says
    /// <see cref="ManyChatResult.ExtrasDropped"/>.</summary>
    /// <param name="subscriberId">The ManyChat contact id (<c>{{contact.id}}</c>), a positive whole number.</param>
    /// <param name="content">The content: at most 10 messages of at most 1000 UTF-8 bytes, 11 quick replies, 5 actions.</param>
    /// <param name="cancellationToken">Ends the wait for the rate limiter or the request; the content may then have
    /// been delivered or not.</param>
    /// <returns>How the call ended.</returns>
    /// <exception cref="ArgumentException"><paramref name="subscriberId"/> is not a positive whole number.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ManyChatResult> SendContentAsync(string subscriberId, DynamicBlockContent content, CancellationToken cancellationToken = default)
    {
        var id = SubscriberNumber(subscriberId);
        ArgumentNullException.ThrowIfNull(content);
        var masked = ThreadIdMask.Hash(subscriberId);
        var endpoint = ManyChatEndpoint.SendContent;
        var result = await PostAsync(endpoint, ManyChatBodies.SendContent(id, content), masked, cancellationToken).ConfigureAwait(false);
        if (ManyChatExtrasRejection.Applies(content, result))
        {
            ManyChatLog.ExtrasRefused(_logger, masked, result.Outcome, result.Code);
            var resent = await PostAsync(endpoint, ManyChatBodies.SendContent(id, content.WithoutExtras()), masked, cancellationToken).ConfigureAwait(false);
            result = resent with
            {
                ExtrasDropped = resent.IsSuccess,
                Attempts = result.Attempts + resent.Attempts,
                Latency = result.Latency + resent.Latency,
                Waited = result.Waited + resent.Waited,
            };
        }

        return Logged(endpoint, masked, result);
    }

    /// <summary>Closes the connection pool and stops the rate limiters; calls after this fail.</summary>
    public void Dispose()
    {
        _http.Dispose();
        _sendLimiter.Dispose();
        _tagFieldLimiter.Dispose();
    }

    private ManyChatResult Logged(ManyChatEndpoint endpoint, string masked, ManyChatResult result)
    {
        var level = result.Outcome switch
        {
            ManyChatOutcome.Sent => LogLevel.Debug,
            ManyChatOutcome.Rejected or ManyChatOutcome.Unauthorized => LogLevel.Error,
            _ => LogLevel.Warning,
        };
        var latencyMs = Math.Round(result.Latency.TotalMilliseconds, 1);
        var waitedMs = Math.Round(result.Waited.TotalMilliseconds, 1);
        ManyChatLog.Call(_logger, level, endpoint.Name, masked, result.Outcome, result.Code, result.HttpStatus, latencyMs, waitedMs, result.Attempts, result.ExtrasDropped);
        return result;
    }

    private static long SubscriberNumber(string subscriberId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriberId);
        return long.TryParse(subscriberId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new ArgumentException("The subscriber id is not a positive whole number; ManyChat contact ids are numbers (the Dynamic Block's {{contact.id}}).", nameof(subscriberId));
    }

    // A bucket of one token spaces requests evenly, so no one-second window sees a burst plus the next second's share.
    // The bucket's timer ticks on its own schedule, though: after an idle spell one request takes the waiting token and
    // the next may follow at the very next tick, so a window can hold one request more than 1 s / spacing. Spacing at
    // 1 s / (limit - 1) keeps that at the limit; the extra 5 % absorbs network and scheduling jitter, because ManyChat
    // counts arrivals, not departures. Sustained rate: (limit - 1) / 1.05, about 22.9/s for 25 and 8.6/s for 10.
    private static TokenBucketRateLimiter Limiter(int perSecond, int queueLimit) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 1,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond * JitterMargin / Math.Max(perSecond - 1, 1))),
        QueueLimit = queueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });
}
