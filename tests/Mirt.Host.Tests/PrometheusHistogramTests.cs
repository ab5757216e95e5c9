using Mirt.Host.Cli;

namespace Mirt.Host.Tests;

public sealed class PrometheusHistogramTests
{
    // 20 observations: 10 at or below 250 ms, 8 in (250, 500], 2 in (500, 1000], none above.
    private static readonly PrometheusHistogram Twenty = new([
        new PrometheusBucket(250, 10),
        new PrometheusBucket(500, 18),
        new PrometheusBucket(1000, 20),
        new PrometheusBucket(double.PositiveInfinity, 20),
    ]);

    [Theory]
    [InlineData(0.50, 250)]  // rank 10 ends the first bucket: 0 + 250 × 10/10
    [InlineData(0.60, 312.5)] // rank 12: 250 + 250 × (12 - 10)/8
    [InlineData(0.95, 750)]  // rank 19: 500 + 500 × (19 - 18)/2
    [InlineData(0.99, 950)]  // rank 19.8: 500 + 500 × 1.8/2
    [InlineData(1.00, 1000)] // rank 20: the top of the last bucket with observations
    public void Quantile_InterpolatesInsideTheBucket(double quantile, double expected) =>
        Twenty.Quantile(quantile).Should().BeApproximately(expected, 1e-9);

    [Fact]
    public void Quantile_RankInTheInfBucket_ReturnsTheHighestFiniteBound()
    {
        var histogram = new PrometheusHistogram([new PrometheusBucket(250, 1), new PrometheusBucket(500, 2), new PrometheusBucket(double.PositiveInfinity, 10)]);

        histogram.Quantile(0.95).Should().Be(500);
    }

    [Fact]
    public void Quantile_NoObservations_IsNaN() =>
        double.IsNaN(new PrometheusHistogram([new PrometheusBucket(250, 0), new PrometheusBucket(double.PositiveInfinity, 0)]).Quantile(0.95)).Should().BeTrue();

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Quantile_OutOfRange_Throws(double quantile)
    {
        var act = () => Twenty.Quantile(quantile);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(250, 0.5)]   // exact at a boundary: 10 of 20 above
    [InlineData(500, 0.1)]   // 2 of 20 above
    [InlineData(1000, 0)]
    [InlineData(750, 0.05)]  // between boundaries: 18 + 2 × 250/500 = 19 at or below
    [InlineData(0, 1)]
    [InlineData(99999, 0)]   // above the highest finite bound: nothing is counted above
    public void ShareAbove_CountsFromTheBuckets(double threshold, double expected) =>
        Twenty.ShareAbove(threshold).Should().BeApproximately(expected, 1e-9);

    [Fact]
    public void ShareAbove_ObservationsInTheInfBucket_CountAsAbove()
    {
        var histogram = new PrometheusHistogram([new PrometheusBucket(1000, 3), new PrometheusBucket(double.PositiveInfinity, 4)]);

        histogram.ShareAbove(1000).Should().Be(0.25);
        histogram.ShareAbove(5000).Should().Be(0.25);
    }

    [Fact]
    public void Constructor_NotCumulative_Throws()
    {
        var act = () => new PrometheusHistogram([new PrometheusBucket(1, 5), new PrometheusBucket(double.PositiveInfinity, 4)]);

        act.Should().Throw<ArgumentException>();
    }
}
