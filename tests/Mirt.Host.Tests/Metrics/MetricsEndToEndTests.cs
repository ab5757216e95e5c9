using System.Text.Json;

namespace Mirt.Host.Tests.Metrics;

/// <summary>
/// Drives a scripted conversation load through the real host and checks the scraped <c>/metrics</c> values: counts,
/// histogram bucket placement, the release label; and the JSON log lines the runbook's recipes grep.
/// </summary>
public sealed class MetricsEndToEndTests(MetricsLoadFixture load) : IClassFixture<MetricsLoadFixture>
{
    private const int StableTurns = 12;
    private const int CanaryTurns = 2;
    private static readonly double[] EndToEndBounds = [250, 500, 1000, 2000, 5000, 8000, 10000, 15000, 18000, 25000, 35000, 60000];
    private static readonly double[] CheckpointerBounds = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2000, 5000];

    private ScrapedMetrics Scraped => load.Metrics;

    [Fact]
    public void Endpoint_ServesPrometheusText004()
    {
        load.ContentType.Should().StartWith("text/plain; version=0.0.4");
        Scraped.Types.Should().Contain(new Dictionary<string, string>
        {
            ["turns_total"] = "counter",
            ["escalations_total"] = "counter",
            ["orders_total"] = "counter",
            ["degraded_replies_total"] = "counter",
            ["moderation_blocks_total"] = "counter",
            ["end_to_end_latency_ms"] = "histogram",
            ["checkpointer_latency_ms"] = "histogram",
            ["agent_step_latency_ms"] = "histogram",
        });
        Scraped.Help["turns_total"].Should().NotBeEmpty();
    }

    [Fact]
    public void Turns_CountedByOutcomeAndRelease()
    {
        Scraped.Sum("turns_total", ("outcome", "automated"), ("release", "stable")).Should().Be(StableTurns - 1);
        Scraped.Sum("turns_total", ("outcome", "escalated"), ("release", "stable")).Should().Be(1, "the complaint hands the conversation to a human");
        Scraped.Sum("turns_total", ("outcome", "automated"), ("release", "canary")).Should().Be(CanaryTurns);
        Scraped.Sum("turns_total", ("outcome", "escalated"), ("release", "canary")).Should().Be(0);
        Scraped.Sum("turns_total", ("outcome", "failed")).Should().Be(0);
        Scraped.Sum("turns_total").Should().Be(load.RoundTrips.Count, "the rejected request ran no turn");
    }

    [Fact]
    public void Escalations_OrdersModerationAndDegradedReplies_AreCounted()
    {
        Scraped.Find("escalations_total").Select(s => (s.Labels["reason"], s.Labels["release"], s.Value)).Should().BeEquivalentTo(
            new[] { ("COMPLAINT", "stable", 1.0), ("ORDER_PLACED", "stable", 1.0), ("MODERATION_INJECTION", "stable", 1.0) });
        Scraped.Find("orders_total").Should().ContainSingle().Which.Should().Match<ScrapedSample>(s => s.Value == 1 && s.Labels["release"] == "stable");
        Scraped.Sum("moderation_blocks_total", ("release", "stable")).Should().Be(1);
        Scraped.Sum("degraded_replies_total", ("release", "stable")).Should().Be(StableTurns);
        Scraped.Sum("degraded_replies_total", ("release", "canary")).Should().Be(CanaryTurns);
        Scraped.Find("validation_errors_total").Should().BeEmpty("no node made a forbidden move");
    }

    [Fact]
    public void EndToEnd_OneObservationPerTurn_InCumulativeBucketsWithTheContractBounds()
    {
        Scraped.Sum("end_to_end_latency_ms_count", ("release", "stable")).Should().Be(StableTurns);
        Scraped.Sum("end_to_end_latency_ms_count", ("release", "canary")).Should().Be(CanaryTurns);
        Scraped.Sum("end_to_end_latency_ms_count", ("state", "STATE_8_COMPLAINT"), ("intent", "COMPLAINT")).Should().Be(1);
        Scraped.Sum("end_to_end_latency_ms_count", ("state", "STATE_6_UPSELL"), ("intent", "PAYMENT_DELIVERY")).Should().Be(1, "the order turn ends offering the upsell");
        AssertCumulative("end_to_end_latency_ms", EndToEndBounds);
    }

    [Fact]
    public void EndToEnd_BucketPlacement_AgreesWithWhatTheClientMeasured()
    {
        // The server's span sits inside the client's round trip, so an observation is never above its round trip.
        foreach (var release in new[] { "stable", "canary" })
        {
            var trips = load.RoundTrips.Where(t => (t.Subscriber == "m-canary") == (release == "canary")).Select(t => t.Milliseconds).ToList();
            foreach (var bound in EndToEndBounds)
            {
                var inBucket = Scraped.Sum("end_to_end_latency_ms_bucket", ("release", release), ("le", Le(bound)));
                inBucket.Should().BeGreaterThanOrEqualTo(trips.Count(t => t <= bound), $"{release} turns whose round trip took at most {bound} ms were faster still on the server");
            }

            var sum = Scraped.Sum("end_to_end_latency_ms_sum", ("release", release));
            sum.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(trips.Sum(), $"{release} server time is part of the client's");
        }

        // Every canary turn waited 600 ms: none is in the 250 or 500 ms buckets.
        Scraped.Sum("end_to_end_latency_ms_bucket", ("release", "canary"), ("le", "250")).Should().Be(0);
        Scraped.Sum("end_to_end_latency_ms_bucket", ("release", "canary"), ("le", "500")).Should().Be(0);
        Scraped.Sum("end_to_end_latency_ms_sum", ("release", "canary")).Should().BeGreaterThanOrEqualTo(CanaryTurns * MetricsLoadFixture.CanaryDelayMs);
    }

    [Fact]
    public void Checkpointer_EveryStoreCallOfEveryTurnIsTimed()
    {
        var turns = StableTurns + CanaryTurns;
        var steps = Scraped.Sum("agent_step_latency_ms_count");
        Scraped.Sum("checkpointer_latency_ms_count", ("operation", "get")).Should().BeInRange(1, turns - 1, "a turn reads its thread's head only when the runner's latest-checkpoint cache does not hold it");
        steps.Should().BeGreaterThan(turns);
        Scraped.Sum("checkpointer_latency_ms_count", ("operation", "put")).Should().Be(turns, "each turn puts its input at once (per-turn durability)");
        Scraped.Sum("checkpointer_latency_ms_count", ("operation", "put_many")).Should().Be(turns, "then writes its node steps' checkpoints as one chain");
        Scraped.Sum("checkpointer_latency_ms_count", ("operation", "put_many"), ("release", "canary")).Should().BeGreaterThan(0);
        Scraped.Find("checkpointer_errors_total").Should().BeEmpty();
        AssertCumulative("checkpointer_latency_ms", CheckpointerBounds);
    }

    [Fact]
    public void AgentSteps_CountedPerNode()
    {
        Scraped.Sum("agent_step_latency_ms_count", ("node", "moderation")).Should().Be(StableTurns + CanaryTurns, "every turn starts with moderation");
        Scraped.Sum("agent_step_latency_ms_count", ("node", "reply")).Should().Be(StableTurns + CanaryTurns, "every turn ends with the reply");
        Scraped.Sum("agent_step_latency_ms_count", ("node", "complaint")).Should().Be(1);
        Scraped.Sum("agent_step_latency_ms_count", ("node", "payment"), ("release", "stable")).Should().BeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public void EverySeries_HasAReleaseLabel()
    {
        Scraped.Samples.Should().NotBeEmpty();
        // The delivery backlog gauges describe the whole store, not one release's conversations (documented there).
        Scraped.Samples.Where(s => !Mirt.Host.Delivery.DeliveryTelemetry.ProcessWideGauges.Contains(s.Name))
            .Should().OnlyContain(s => s.Labels.ContainsKey("release") && (s.Labels["release"] == "stable" || s.Labels["release"] == "canary"));
    }

    [Fact]
    public async Task Promtool_ParsesTheScrape_WithNoProblemButTheUnitAbbreviation()
    {
        if (PromtoolMetricsCheck.Find() is not { } promtool)
        {
            // Local runs without Debian's prometheus package skip this; CI must have it (scripts/install-test-deps).
            Environment.GetEnvironmentVariable("CI").Should().NotBe("true", "CI installs promtool with scripts/install-test-deps");
            return;
        }

        var check = await PromtoolMetricsCheck.RunAsync(promtool, load.Exposition);

        check.Passed.Should().BeTrue($"promtool check metrics said (exit {check.ExitCode}):\n{string.Join('\n', check.Lines)}");
        check.Lines.Should().Contain("end_to_end_latency_ms metric names should not contain abbreviated units", "this is what promtool 2.42 says about _ms, the one lint tolerated");
    }

    [Fact]
    public async Task Promtool_RejectsABrokenExposition_SoTheCheckAboveMeansSomething()
    {
        if (PromtoolMetricsCheck.Find() is not { } promtool)
        {
            Environment.GetEnvironmentVariable("CI").Should().NotBe("true");
            return;
        }

        var unparsable = await PromtoolMetricsCheck.RunAsync(promtool, load.Exposition.Replace("release=\"stable\"", "release=\"stable", StringComparison.Ordinal));
        var badCounter = await PromtoolMetricsCheck.RunAsync(promtool, "# HELP orders Orders.\n# TYPE orders counter\norders 1\n");

        unparsable.ExitCode.Should().Be(1);
        unparsable.Problems.Should().ContainSingle().Which.Should().StartWith("error while linting: text format parsing error");
        badCounter.Passed.Should().BeFalse();
        badCounter.Problems.Should().Contain("orders counter metrics should have \"_total\" suffix");
    }

    [Fact]
    public void JsonLogs_CarryTheTraceIdAndTheRunbookMarkers()
    {
        var lines = load.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var steps = lines.Where(l => Event(l) == "agent_step").ToList();
        var storeCalls = lines.Where(l => Event(l) == "checkpointer").ToList();
        var turns = lines.Where(l => Event(l) == "turn_degraded").ToList();

        turns.Should().HaveCount(StableTurns + CanaryTurns);
        steps.Should().HaveCount((int)Scraped.Sum("agent_step_latency_ms_count"));
        steps.Should().OnlyContain(l => l.GetProperty("node").GetString()!.Length > 0 && l.GetProperty("ms").GetDouble() >= 0);
        storeCalls.Should().OnlyContain(l => l.GetProperty("operation").GetString()!.Length > 0 && l.GetProperty("bytes").GetInt64() >= 0);
        storeCalls.Where(l => l.GetProperty("operation").GetString() == "put").Should().Contain(l => l.GetProperty("bytes").GetInt64() > 0);
        foreach (var turn in turns)
        {
            var traceId = turn.GetProperty("trace_id").GetString()!;
            traceId.Should().MatchRegex("^[0-9a-f]{32}$");
            steps.Should().Contain(s => s.GetProperty("trace_id").GetString() == traceId, "a turn's steps share its trace id");
            storeCalls.Should().Contain(s => s.GetProperty("trace_id").GetString() == traceId);
        }

        turns.Select(t => t.GetProperty("trace_id").GetString()).Should().OnlyHaveUniqueItems("each webhook request is its own trace");
    }

    private static string? Event(JsonElement line) => line.TryGetProperty("event", out var name) ? name.GetString() : null;

    private static string Le(double bound) => bound.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Checks every series of a histogram: the contract's bounds then +Inf, non-decreasing counts, +Inf equal
    /// to _count, and a sum no larger than count × the largest finite bucket an observation could sit in.</summary>
    private void AssertCumulative(string histogram, double[] bounds)
    {
        var series = Scraped.Find(histogram + "_bucket").GroupBy(s => s.SeriesKey).ToList();
        series.Should().NotBeEmpty();
        foreach (var buckets in series)
        {
            buckets.Select(b => b.Labels["le"]).Should().Equal([.. bounds.Select(Le), "+Inf"], $"series {buckets.Key}");
            var counts = buckets.Select(b => b.Value).ToList();
            counts.Should().BeInAscendingOrder($"buckets are cumulative ({buckets.Key})");
            var count = Scraped.Samples.Single(s => s.Name == histogram + "_count" && s.SeriesKey == buckets.Key).Value;
            var sum = Scraped.Samples.Single(s => s.Name == histogram + "_sum" && s.SeriesKey == buckets.Key).Value;
            counts[^1].Should().Be(count, $"+Inf counts every observation ({buckets.Key})");
            count.Should().BeGreaterThan(0);

            // Observations in bucket i are at most bound i; the +Inf bucket must be empty for this bound to hold.
            var ceiling = 0.0;
            for (var i = 0; i < bounds.Length; i++)
            {
                ceiling += (counts[i] - (i == 0 ? 0 : counts[i - 1])) * bounds[i];
            }

            if (counts[^1] == counts[^2])
            {
                sum.Should().BeLessThanOrEqualTo(ceiling, $"the sum fits the buckets ({buckets.Key})");
            }
        }
    }
}
