using Mirt.Host.Cli;

namespace Mirt.Host.Tests;

public sealed class CanaryDecisionTests
{
    private static CanaryReleaseHealth Stable(double p95 = 1000, double p99 = 2000, double errors = 0.01, double turns = 500) =>
        new("stable", turns, p95, p99, errors, 0.10);

    private static CanaryReleaseHealth Canary(double p95 = 1000, double p99 = 2000, double errors = 0.01, double turns = 500) =>
        new("canary", turns, p95, p99, errors, 0.30);

    [Fact]
    public void Decide_SameAsStable_Promotes()
    {
        var decision = CanaryDecision.Decide(Stable(), Canary(), 100);

        decision.Verdict.Should().Be(CanaryVerdict.Promote);
        decision.Reasons.Should().BeEmpty("the escalation rate is shown but does not decide");
    }

    [Theory]
    [InlineData(10_001, 12_000, "p95 10001 ms breaks the SLO of 10000 ms")]
    [InlineData(9_000, 18_001, "p99 18001 ms breaks the SLO of 18000 ms")]
    public void Decide_CanaryBreaksTheSlo_RollsBack(double p95, double p99, string reason)
    {
        var decision = CanaryDecision.Decide(Stable(p95: 9_000, p99: 17_000), Canary(p95, p99), 100);

        decision.Verdict.Should().Be(CanaryVerdict.Rollback);
        decision.Reasons.Should().ContainSingle().Which.Should().Contain(reason);
    }

    [Fact]
    public void Decide_CanaryAtTheSloExactly_DoesNotBreakIt() =>
        CanaryDecision.Decide(Stable(p95: 9_500, p99: 17_500), Canary(p95: 10_000, p99: 18_000), 100).Verdict.Should().Be(CanaryVerdict.Promote);

    [Theory]
    [InlineData(1000, 1601, CanaryVerdict.Rollback)] // +60 % and +601 ms
    [InlineData(1000, 1500, CanaryVerdict.Promote)]  // +50 % but only +500 ms
    [InlineData(5000, 5999, CanaryVerdict.Promote)]  // +999 ms but only +19.98 %
    [InlineData(5000, 6001, CanaryVerdict.Rollback)] // +20.02 % and +1001 ms
    [InlineData(100, 400, CanaryVerdict.Promote)]    // four times slower, still only +300 ms
    [InlineData(1000, 200, CanaryVerdict.Promote)]   // faster
    public void Decide_CanaryP95AgainstStable_NeedsBothMargins(double stableP95, double canaryP95, CanaryVerdict expected) =>
        CanaryDecision.Decide(Stable(p95: stableP95, p99: 9_000), Canary(p95: canaryP95, p99: 9_000), 100).Verdict.Should().Be(expected);

    [Fact]
    public void Decide_CanaryP99SlowerByBothMargins_RollsBack()
    {
        var decision = CanaryDecision.Decide(Stable(p99: 2_000), Canary(p99: 3_000), 100);

        decision.Verdict.Should().Be(CanaryVerdict.Rollback);
        decision.Reasons.Should().ContainSingle().Which.Should().Contain("canary p99 3000 ms is above stable's 2000 ms");
    }

    [Theory]
    [InlineData(0.010, 0.0160, CanaryVerdict.Rollback)] // +0.6 points
    [InlineData(0.010, 0.0149, CanaryVerdict.Promote)]  // +0.49 points
    [InlineData(0.000, 0.0060, CanaryVerdict.Rollback)]
    [InlineData(0.050, 0.0100, CanaryVerdict.Promote)]  // canary better
    public void Decide_ErrorRateAgainstStable_AllowsHalfAPoint(double stableErrors, double canaryErrors, CanaryVerdict expected) =>
        CanaryDecision.Decide(Stable(errors: stableErrors), Canary(errors: canaryErrors), 100).Verdict.Should().Be(expected);

    [Fact]
    public void Decide_TooFewTurns_WaitsEvenWhenTheCanaryLooksBad()
    {
        var decision = CanaryDecision.Decide(Stable(turns: 500), Canary(p95: 60_000, turns: 99), 100);

        decision.Verdict.Should().Be(CanaryVerdict.Wait);
        decision.Reasons.Should().ContainSingle().Which.Should().Be("canary has 99 turns; a verdict needs at least 100.");
    }

    [Fact]
    public void Decide_StableTooFew_Waits() =>
        CanaryDecision.Decide(Stable(turns: 3), Canary(), 10).Verdict.Should().Be(CanaryVerdict.Wait);

    [Fact]
    public void Decide_NoCanaryTurnsWithMinTurns0_Waits() =>
        CanaryDecision.Decide(Stable(), new CanaryReleaseHealth("canary", 0, double.NaN, double.NaN, double.NaN, double.NaN), 0).Verdict.Should().Be(CanaryVerdict.Wait);

    [Fact]
    public void Decide_NoStableTurnsWithMinTurns0_JudgesTheCanaryOnTheSloOnly()
    {
        var none = new CanaryReleaseHealth("stable", 0, double.NaN, double.NaN, double.NaN, double.NaN);

        CanaryDecision.Decide(none, Canary(p95: 9_000, errors: 0.2), 0).Verdict.Should().Be(CanaryVerdict.Promote);
        CanaryDecision.Decide(none, Canary(p95: 11_000), 0).Verdict.Should().Be(CanaryVerdict.Rollback);
    }

    [Fact]
    public void From_Scrape_ComputesTurnsQuantilesAndRates()
    {
        // stable: 90 turns ≤ 250 ms, 10 in (250, 500]; canary: 18 ≤ 250 ms, 2 in (1000, 2000].
        var scrape = PrometheusScrape.Parse(new SloExposition()
            .Release("stable", automated: 80, escalated: 19, failed: 1, new Dictionary<double, int> { [250] = 90, [500] = 10 })
            .Release("canary", automated: 15, escalated: 3, failed: 2, new Dictionary<double, int> { [250] = 18, [2000] = 2 })
            .ToString());

        var stable = CanaryReleaseHealth.From(scrape, "stable");
        var canary = CanaryReleaseHealth.From(scrape, "canary");

        stable.Turns.Should().Be(100);
        stable.P95Ms.Should().BeApproximately(375, 1e-9);   // rank 95: 250 + 250 × 5/10
        stable.P99Ms.Should().BeApproximately(475, 1e-9);   // rank 99: 250 + 250 × 9/10
        stable.ErrorRate.Should().BeApproximately(0.01, 1e-12);
        stable.EscalationRate.Should().BeApproximately(0.19, 1e-12);
        canary.Turns.Should().Be(20);
        canary.P95Ms.Should().BeApproximately(1500, 1e-9);  // rank 19: 1000 + 1000 × 1/2
        canary.P99Ms.Should().BeApproximately(1900, 1e-9);  // rank 19.8: 1000 + 1000 × 1.8/2
        canary.ErrorRate.Should().BeApproximately(0.10, 1e-12);
        CanaryDecision.Decide(stable, canary, 20).Reasons.Should().HaveCount(3, "p95, p99 and the error rate are all worse by both margins");
    }
}
