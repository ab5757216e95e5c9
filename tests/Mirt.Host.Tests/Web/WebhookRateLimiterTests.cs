using Mirt.Host.Settings;
using Mirt.Host.Web;

namespace Mirt.Host.Tests.Web;

public sealed class WebhookRateLimiterTests
{
    [Fact]
    public void TryAcquireForSubscriber_OverTheLimit_RefusesUntilOneStepRefills_OtherSubscribersUnaffected()
    {
        using var limiter = new WebhookRateLimiter(new RateLimitSettings(new RequestRate(3, TimeSpan.FromMinutes(1)), null));

        var allowed = Enumerable.Range(0, 3).Select(i => limiter.TryAcquireForSubscriber("a", out _)).ToList();
        var refused = limiter.TryAcquireForSubscriber("a", out var retryAfter);

        allowed.Should().AllSatisfy(ok => ok.Should().BeTrue());
        refused.Should().BeFalse();
        retryAfter.Should().Be(TimeSpan.FromSeconds(20), "3/min refills one permit every 20 s");
        limiter.TryAcquireForSubscriber("b", out _).Should().BeTrue();
        limiter.TryAcquireGlobal(out _).Should().BeTrue("the global limit is off");
    }

    [Fact]
    public void TryAcquireGlobal_BurstOverTheLimit_RefusesWithAShortRetryAfter()
    {
        using var limiter = new WebhookRateLimiter(new RateLimitSettings(null, new RequestRate(100, TimeSpan.FromSeconds(1))));

        var allowed = Enumerable.Range(0, 100).Count(i => limiter.TryAcquireGlobal(out _));
        var refusedAfter = Enumerable.Range(0, 1000).Select(i => limiter.TryAcquireGlobal(out var wait) ? (TimeSpan?)null : wait).FirstOrDefault(w => w is not null);

        // A loaded machine may refill a few steps (10 permits every 100 ms) during the burst, not a thousand permits.
        allowed.Should().Be(100);
        refusedAfter.Should().NotBeNull();
        refusedAfter!.Value.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
        limiter.TryAcquireForSubscriber("anyone", out _).Should().BeTrue("the per-subscriber limit is off");
    }
}
