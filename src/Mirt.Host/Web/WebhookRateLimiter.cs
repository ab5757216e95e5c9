using System.Threading.RateLimiting;
using Mirt.Host.Settings;

namespace Mirt.Host.Web;

/// <summary>
/// Holds the webhook's two limits on the framework's token buckets: one for the whole process, one per subscriber
/// (partitioned by the subscriber id, which is in the body, so the handler acquires after parsing rather than in the
/// rate-limiting middleware, which runs before the body is read). Neither queues: a request over a limit is refused at
/// once with the time until a permit comes back.
/// </summary>
/// <remarks>A bucket holds the window's permits and refills them in small steps (one permit every 3 s for 20/min,
/// ten every 100 ms for 100/s), so a customer's burst passes and <c>Retry-After</c> stays short. Idle subscribers'
/// buckets are dropped by the partitioned limiter. Thread-safe.</remarks>
internal sealed class WebhookRateLimiter : IDisposable
{
    // The partitioned limiter refills its buckets on a 100 ms heartbeat; finer steps would not refill any sooner.
    private static readonly TimeSpan ShortestStep = TimeSpan.FromMilliseconds(100);

    private readonly RateLimiter? _global;
    private readonly PartitionedRateLimiter<string>? _perSubscriber;

    public WebhookRateLimiter(RateLimitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        if (settings.Global is { } global)
        {
            _global = new TokenBucketRateLimiter(Bucket(global, autoReplenish: true));
        }

        if (settings.PerSubscriber is { } perSubscriber)
        {
            var options = Bucket(perSubscriber, autoReplenish: false);
            _perSubscriber = PartitionedRateLimiter.Create<string, string>(
                subscriber => RateLimitPartition.GetTokenBucketLimiter(subscriber, _ => options),
                StringComparer.Ordinal);
        }
    }

    /// <summary>Gets the limits in force.</summary>
    public RateLimitSettings Settings { get; }

    /// <summary>Takes a permit from the process-wide limit.</summary>
    /// <param name="retryAfter">How long until a permit comes back, when refused.</param>
    /// <returns><see langword="true"/> when the request may go on.</returns>
    public bool TryAcquireGlobal(out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        return _global is null || Take(_global.AttemptAcquire(), ref retryAfter);
    }

    /// <summary>Takes a permit from <paramref name="subscriber"/>'s limit.</summary>
    /// <param name="subscriber">The validated subscriber id.</param>
    /// <param name="retryAfter">How long until a permit comes back, when refused.</param>
    /// <returns><see langword="true"/> when the message may go on.</returns>
    public bool TryAcquireForSubscriber(string subscriber, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        return _perSubscriber is null || Take(_perSubscriber.AttemptAcquire(subscriber), ref retryAfter);
    }

    public void Dispose()
    {
        _global?.Dispose();
        _perSubscriber?.Dispose();
    }

    private static bool Take(RateLimitLease lease, ref TimeSpan retryAfter)
    {
        using (lease)
        {
            if (lease.IsAcquired)
            {
                return true;
            }

            // Token buckets always say when the next permit comes; one second is the floor if one ever does not.
            retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : TimeSpan.FromSeconds(1);
            return false;
        }
    }

    private static TokenBucketRateLimiterOptions Bucket(RequestRate rate, bool autoReplenish)
    {
        var steps = (int)Math.Clamp(rate.Window / ShortestStep, 1, rate.Permits);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate.Permits,
            ReplenishmentPeriod = rate.Window / steps,
            TokensPerPeriod = (int)Math.Ceiling(rate.Permits / (double)steps),
            QueueLimit = 0,
            AutoReplenishment = autoReplenish,
        };
    }
}
