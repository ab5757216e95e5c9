using Mirt.Sales.Releases;

namespace Mirt.Sales.Tests.Releases;

public sealed class ReleaseAssignmentTests
{
    private static readonly string[] Subscribers = [.. Enumerable.Range(0, 10_000).Select(i => $"ig-{i}")];

    // Computed outside .NET (Python: int.from_bytes(sha256(id.encode()).digest()[:8], "big") % 10000). Pinned: a
    // different hash would move running conversations between releases on upgrade.
    [Theory]
    [InlineData("ig-1", 9950)]
    [InlineData("1234567890", 6192)]
    [InlineData("ig-42", 229)]
    public void BucketOf_IsTheSha256PrefixModulo10000(string threadId, int bucket) =>
        ReleaseAssignment.BucketOf(threadId).Should().Be(bucket);

    [Fact]
    public void ReleaseFor_Zero_PutsEveryoneOnStableButTheAllowList()
    {
        var assignment = new ReleaseAssignment(0, ["tester-1"]);

        Subscribers.Should().OnlyContain(s => assignment.ReleaseFor(s) == "stable");
        assignment.ReleaseFor("tester-1").Should().Be("canary");
    }

    [Fact]
    public void ReleaseFor_Hundred_PutsEveryoneOnCanary()
    {
        var assignment = new ReleaseAssignment(100, []);

        Subscribers.Should().OnlyContain(s => assignment.ReleaseFor(s) == "canary");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    [InlineData(2.5)]
    public void ReleaseFor_Percent_PutsAboutThatShareOnCanary(double percent)
    {
        var assignment = new ReleaseAssignment(percent, []);

        var share = Subscribers.Count(s => assignment.ReleaseFor(s) == "canary") / (double)Subscribers.Length;

        share.Should().BeApproximately(percent / 100, 0.01);
    }

    [Fact]
    public void ReleaseFor_RaisingThePercentage_KeepsEveryCanaryOnCanary()
    {
        var five = new ReleaseAssignment(5, []);
        var ten = new ReleaseAssignment(10, []);

        Subscribers.Where(s => five.ReleaseFor(s) == "canary").Should().OnlyContain(s => ten.ReleaseFor(s) == "canary");
    }

    [Fact]
    public void ReleaseFor_BucketBelowTheCut_IsCanary()
    {
        var low = Subscribers.First(s => ReleaseAssignment.BucketOf(s) == 499);
        var high = Subscribers.First(s => ReleaseAssignment.BucketOf(s) == 500);
        var assignment = new ReleaseAssignment(5, []);

        assignment.ReleaseFor(low).Should().Be("canary");
        assignment.ReleaseFor(high).Should().Be("stable");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Constructor_PercentOutOfRange_Throws(double percent)
    {
        var act = () => new ReleaseAssignment(percent, []);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
