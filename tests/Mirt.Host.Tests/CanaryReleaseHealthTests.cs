using Mirt.Host.Cli;

namespace Mirt.Host.Tests;

public sealed class CanaryReleaseHealthTests
{
    [Fact]
    public void From_SlowPhotoTurns_DoNotCountAsTextLatency()
    {
        // 100 fast canary text turns and 20 canary photo turns at 15-18 s: the photo turns meet their own 35 s SLO and
        // must not make the canary's text p95 look like a breach.
        var scrape = PrometheusScrape.Parse(new SloExposition()
            .Histogram("end_to_end_latency_ms", "intent=\"SIZE_HELP\",release=\"canary\",state=\"STATE_3_SIZE_COLOR\"", SloExposition.EndToEndBounds,
                new Dictionary<double, int> { [250] = 100 })
            .Histogram("end_to_end_latency_ms", "intent=\"PHOTO_IDENT\",release=\"canary\",state=\"STATE_2_VISION\"", SloExposition.EndToEndBounds,
                new Dictionary<double, int> { [18000] = 20 })
            .Counter("turns_total", "outcome=\"automated\",release=\"canary\"", 120)
            .ToString());

        var health = CanaryReleaseHealth.From(scrape, "canary");

        health.Turns.Should().Be(120);
        health.P95Ms.Should().BeLessThanOrEqualTo(250);
        health.P99Ms.Should().BeLessThanOrEqualTo(250);
    }
}
