using Mirt.Host.Bench;

namespace Mirt.Host.Tests.Bench;

public sealed class PercentilesTests
{
    [Theory]
    [InlineData(50, 5)]
    [InlineData(95, 10)]
    [InlineData(99, 10)]
    [InlineData(100, 10)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    public void Of_TenValues_TakesTheNearestRank(double percent, double expected)
    {
        var sorted = Percentiles.Sorted([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);

        Percentiles.Of(sorted, percent).Should().Be(expected);
    }

    [Fact]
    public void Of_NoValues_IsNull()
    {
        Percentiles.Of([], 50).Should().BeNull();
    }

    [Fact]
    public void Of_OneValue_IsThatValueAtEveryPercentile()
    {
        Percentiles.Of([4.2], 1).Should().Be(4.2);
        Percentiles.Of([4.2], 99).Should().Be(4.2);
    }
}
