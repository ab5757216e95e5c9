using Mirt.Host.Cli;

namespace Mirt.Host.Tests;

public sealed class SloCatalogTests
{
    // 200 stable turns (180 ≤ 250 ms, 10 in (5, 8] s, 6 in (10, 15] s, 4 in (18, 25] s) and 20 canary photo turns
    // (18 in (15, 18] s, 2 in (35, 60] s): 220 turns, of them 200 text turns with 10 above 10 s and 4 above 18 s (photo
    // turns count only for the vision SLO), and 2 of 20 photo turns above 35 s.
    private static readonly IReadOnlyList<SloStatus> Statuses = SloCatalog.Evaluate(PrometheusScrape.Parse(new SloExposition()
        .Histogram("end_to_end_latency_ms", "intent=\"SIZE_HELP\",release=\"stable\",state=\"STATE_3_SIZE_COLOR\"", SloExposition.EndToEndBounds,
            new Dictionary<double, int> { [250] = 180, [8000] = 10, [15000] = 6, [25000] = 4 })
        .Histogram("end_to_end_latency_ms", "intent=\"PHOTO_IDENT\",release=\"canary\",state=\"STATE_2_VISION\"", SloExposition.EndToEndBounds,
            new Dictionary<double, int> { [18000] = 18, [60000] = 2 })
        .Histogram("checkpointer_latency_ms", "operation=\"put\",release=\"stable\"", SloExposition.CheckpointerBounds,
            new Dictionary<double, int> { [25] = 990, [1000] = 8, [2000] = 2 })
        .Counter("turns_total", "outcome=\"automated\",release=\"stable\"", 150)
        .Counter("turns_total", "outcome=\"escalated\",release=\"stable\"", 40)
        .Counter("turns_total", "outcome=\"failed\",release=\"stable\"", 10)
        .Counter("turns_total", "outcome=\"automated\",release=\"canary\"", 18)
        .Counter("turns_total", "outcome=\"escalated\",release=\"canary\"", 2)
        .Counter("validation_errors_total", "release=\"stable\"", 1)
        .Counter("checkpointer_errors_total", "operation=\"put\",release=\"stable\"", 1)
        .Counter("llm_cost_usd_total", "model=\"m\",release=\"stable\"", 1.25)
        .ToString()));

    [Theory]
    [InlineData("end-to-end p95", 10.0 / 200, 0.05, 200)]
    [InlineData("end-to-end p99", 4.0 / 200, 0.01, 200)]
    [InlineData("vision end-to-end p95", 2.0 / 20, 0.05, 20)]
    [InlineData("checkpointer p95", 2.0 / 1000, 0.05, 1000)]
    [InlineData("checkpointer p99", 0.0, 0.01, 1000)]
    [InlineData("validation errors", 1.0 / 220, 0.01, 220)]
    [InlineData("moderation blocks", 0.0, 0.005, 220)]
    [InlineData("checkpointer errors", 1.0 / 1000, 0.001, 1000)]
    [InlineData("availability", 10.0 / 220, 0.005, 220)]
    [InlineData("automation rate", 52.0 / 220, 0.25, 220)]
    [InlineData("escalation rate", 42.0 / 220, 0.20, 220)]
    public void Evaluate_ComputesBadShareAndBudget(string name, double bad, double allowed, double observations)
    {
        var status = Statuses.Single(s => s.Name == name);

        status.BadShare.Should().BeApproximately(bad, 1e-12);
        status.AllowedBadShare.Should().Be(allowed);
        status.Observations.Should().Be(observations);
        status.BudgetLeft.Should().BeApproximately(1 - (bad / allowed), 1e-9);
    }

    [Theory]
    [InlineData("end-to-end p95", "< 10000 ms", "8000 ms")] // rank 190 of 200 text turns ends the (5, 8] s bucket
    [InlineData("vision end-to-end p95", "< 35000 ms", "47500 ms")] // rank 19 of 20: 35000 + 25000 × 1/2
    [InlineData("checkpointer p99", "< 2000 ms", "25 ms")] // rank 990 of 1000 ends the (10, 25] ms bucket
    [InlineData("availability", ">= 99.5% of turns not failed", "95.45%")]
    [InlineData("automation rate", ">= 75% of turns automated", "76.36%")]
    [InlineData("escalation rate", "<= 20% of turns", "19.09%")]
    [InlineData("LLM p95", "< 5000 ms", "-")]
    [InlineData("LLM cost", "< 20 USD/day (alert on 24 h increase)", "1.25 USD since start")]
    public void Evaluate_ShowsTargetAndCurrentValue(string name, string target, string current)
    {
        var status = Statuses.Single(s => s.Name == name);

        status.Target.Should().Be(target);
        status.Current.Should().Be(current);
    }

    [Fact]
    public void Evaluate_NoLlmCalls_HasNoBudget()
    {
        foreach (var name in new[] { "LLM p95", "LLM p99", "LLM errors", "LLM cost" })
        {
            double.IsNaN(Statuses.Single(s => s.Name == name).BudgetLeft).Should().BeTrue(name);
        }
    }

    [Fact]
    public void Evaluate_ListsEverySloOfTheRunbook() =>
        Statuses.Select(s => s.Name).Should().Equal(
            "end-to-end p95", "end-to-end p99", "vision end-to-end p95", "checkpointer p95", "checkpointer p99", "LLM p95", "LLM p99",
            "validation errors", "moderation blocks", "checkpointer errors", "LLM errors", "availability", "automation rate", "escalation rate", "LLM cost");
}
