using Mirt.Host.Observability;

namespace Mirt.Host.Tests.Metrics;

public sealed class PrometheusTextWriterTests
{
    [Fact]
    public void Write_CounterAndHistogram_ExactText()
    {
        var text = PrometheusTextWriter.Write(
        [
            new MetricFamily("turns", "Turns by outcome.", MetricKind.Counter,
            [
                Series(7, ("outcome", "automated"), ("release", "stable")),
                Series(1, ("outcome", "escalated"), ("release", "canary")),
            ]),
            new MetricFamily("agent_step_latency_ms", "Step time.", MetricKind.Histogram,
            [
                new MetricSeries(Labels(("node", "intent"), ("release", "stable")), 0, new HistogramData([1, 5, 10], [2, 0, 3, 1], 97.5, 6)),
            ]),
        ]);

        text.Should().Be(
            """
            # HELP agent_step_latency_ms Step time.
            # TYPE agent_step_latency_ms histogram
            agent_step_latency_ms_bucket{node="intent",release="stable",le="1"} 2
            agent_step_latency_ms_bucket{node="intent",release="stable",le="5"} 2
            agent_step_latency_ms_bucket{node="intent",release="stable",le="10"} 5
            agent_step_latency_ms_bucket{node="intent",release="stable",le="+Inf"} 6
            agent_step_latency_ms_sum{node="intent",release="stable"} 97.5
            agent_step_latency_ms_count{node="intent",release="stable"} 6
            # HELP turns_total Turns by outcome.
            # TYPE turns_total counter
            turns_total{outcome="automated",release="stable"} 7
            turns_total{outcome="escalated",release="canary"} 1

            """.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\"quote", "a\\\"quote")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("\u0441\u0443\u043a\u043d\u044f", "\u0441\u0443\u043a\u043d\u044f")]
    public void EscapeLabelValue_EscapesBackslashQuoteAndLineFeedOnly(string raw, string escaped) =>
        PrometheusTextWriter.EscapeLabelValue(raw).Should().Be(escaped);

    [Fact]
    public void Write_EscapedLabelsAndHelp_ParseBackToTheOriginal()
    {
        const string Nasty = "ig \"vip\" \\ 1\nline two";
        var text = PrometheusTextWriter.Write([new MetricFamily("orders", "Orders\nmade \\ here.", MetricKind.Counter, [Series(3, ("reason", Nasty))])]);

        text.Should().Contain("# HELP orders_total Orders\\nmade \\\\ here.\n");
        var parsed = ScrapedMetrics.Parse(text);
        parsed.Samples.Should().ContainSingle().Which.Labels["reason"].Should().Be(Nasty);
    }

    [Fact]
    public void Write_CumulativeBuckets_InfEqualsCountEvenWhenTheLastBucketHoldsObservations()
    {
        var text = PrometheusTextWriter.Write([new MetricFamily("e2e", string.Empty, MetricKind.Histogram,
            [new MetricSeries([], 0, new HistogramData([250, 500], [0, 0, 4], 90000, 4))])]);

        var parsed = ScrapedMetrics.Parse(text);
        parsed.Find("e2e_bucket").Select(b => (b.Labels["le"], b.Value)).Should().Equal(("250", 0.0), ("500", 0.0), ("+Inf", 4.0));
        parsed.Sum("e2e_count").Should().Be(4);
        parsed.Sum("e2e_sum").Should().Be(90000);
    }

    [Fact]
    public void Write_SortsFamiliesAndSeries_SoScrapesAreStable()
    {
        MetricFamily[] families =
        [
            new("zeta", "z", MetricKind.Gauge, [Series(2, ("release", "stable")), Series(1, ("release", "canary"))]),
            new("alpha", "a", MetricKind.Gauge, [Series(5)]),
        ];

        var once = PrometheusTextWriter.Write(families);
        var reversed = PrometheusTextWriter.Write(families.Reverse());

        once.Should().Be(reversed);
        once.Split('\n').Where(l => !l.StartsWith('#') && l.Length > 0).Should().Equal("alpha 5", "zeta{release=\"canary\"} 1", "zeta{release=\"stable\"} 2");
    }

    [Fact]
    public void Write_CounterAlreadyEndingInTotal_IsNotSuffixedTwice() =>
        PrometheusTextWriter.Write([new MetricFamily("bytes_total", "b", MetricKind.Counter, [Series(1)])])
            .Should().Contain("# TYPE bytes_total counter\nbytes_total 1\n").And.NotContain("_total_total");

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1E+21")]
    public void Write_SpecialAndLargeValues_UseTheFormatsSpelling(double value, string written) =>
        PrometheusTextWriter.Write([new MetricFamily("g", "g", MetricKind.Gauge, [Series(value)])]).Should().EndWith($"g {written}\n");

    [Theory]
    [InlineData("http.server.request-duration", "http_server_request_duration")]
    [InlineData("9lives", "_9lives")]
    [InlineData("ok:name_1", "ok:name_1")]
    public void SanitizeName_ReplacesIllegalCharacters(string raw, string clean) =>
        PrometheusTextWriter.SanitizeName(raw).Should().Be(clean);

    [Fact]
    public void Write_HistogramWithoutData_OrWithMismatchedBuckets_Throws()
    {
        var missing = () => PrometheusTextWriter.Write([new MetricFamily("h", "h", MetricKind.Histogram, [Series(1)])]);
        var mismatched = () => PrometheusTextWriter.Write([new MetricFamily("h", "h", MetricKind.Histogram, [new MetricSeries([], 0, new HistogramData([1, 2], [1, 1], 2, 2))])]);

        missing.Should().Throw<ArgumentException>().WithMessage("*no histogram data*");
        mismatched.Should().Throw<ArgumentException>().WithMessage("*2 bounds and 2 bucket counts*");
    }

    [Fact]
    public async Task Write_NastyLabelValues_PassPromtoolWithoutAnyLint()
    {
        if (PromtoolMetricsCheck.Find() is not { } promtool)
        {
            Environment.GetEnvironmentVariable("CI").Should().NotBe("true", "CI installs promtool with scripts/install-test-deps");
            return;
        }

        var text = PrometheusTextWriter.Write(
        [
            new MetricFamily("escalations", "Escalations by reason.", MetricKind.Counter, [Series(2, ("reason", "a\"b\\c\nd"), ("release", "stable"))]),
            new MetricFamily("request_duration_seconds", "Durations.", MetricKind.Histogram,
                [new MetricSeries(Labels(("release", "canary")), 0, new HistogramData([0.5, 1], [1, 2, 0], 2.1, 3))]),
        ]);

        var check = await PromtoolMetricsCheck.RunAsync(promtool, text);

        check.ExitCode.Should().Be(0, string.Join('\n', check.Lines));
        check.Lines.Should().BeEmpty();
    }

    private static MetricSeries Series(double value, params (string Key, string Value)[] labels) => new(Labels(labels), value);

    private static KeyValuePair<string, string>[] Labels(params (string Key, string Value)[] labels) =>
        [.. labels.Select(l => new KeyValuePair<string, string>(l.Key, l.Value))];
}
