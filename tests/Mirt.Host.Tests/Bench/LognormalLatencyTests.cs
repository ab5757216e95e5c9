using Mirt.Host.Bench;

namespace Mirt.Host.Tests.Bench;

public sealed class LognormalLatencyTests
{
    [Theory]
    [InlineData("lognormal:2000:8000", 2000, 8000)]
    [InlineData("lognormal:5:5", 5, 5)]
    [InlineData("lognormal:0.5:12.5", 0.5, 12.5)]
    public void TryParse_MedianAndP99_ReadsThem(string text, double median, double p99)
    {
        LognormalLatency.TryParse(text, out var latency).Should().BeTrue();

        latency.Should().Be(new LognormalLatency(median, p99));
    }

    [Theory]
    [InlineData("lognormal:2000")]
    [InlineData("normal:2000:8000")]
    [InlineData("lognormal:0:8000")]
    [InlineData("lognormal:2000:1000")]
    [InlineData("lognormal:x:8000")]
    public void TryParse_Malformed_IsRejected(string text)
    {
        LognormalLatency.TryParse(text, out var latency).Should().BeFalse();

        latency.Should().BeNull();
    }

    [Fact]
    public void Sample_ManyDraws_HitTheMedianAndP99()
    {
        var latency = new LognormalLatency(2000, 8000);
        var random = new Random(7);

        var draws = Enumerable.Range(0, 20_000).Select(_ => latency.Sample(random).TotalMilliseconds).Order().ToArray();

        draws[draws.Length / 2].Should().BeApproximately(2000, 100);
        draws[(int)(draws.Length * 0.99)].Should().BeApproximately(8000, 800);
        draws.Should().OnlyContain(d => d > 0);
    }

    [Fact]
    public void P95Ms_FollowsFromMedianAndP99()
    {
        // σ = ln(4) / 2.326 = 0.596, so p95 = 2000 · e^(0.596 · 1.645) = 5,330 ms.
        new LognormalLatency(2000, 8000).P95Ms.Should().BeApproximately(5330, 5);
    }
}
