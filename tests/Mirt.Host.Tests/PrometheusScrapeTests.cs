using Mirt.Host.Cli;

namespace Mirt.Host.Tests;

public sealed class PrometheusScrapeTests
{
    [Fact]
    public void Parse_HostStyleText_ReadsLabelsValuesAndTypes()
    {
        var scrape = PrometheusScrape.Parse(
            "# HELP turns_total Turns by outcome.\n" +
            "# TYPE turns_total counter\n" +
            "turns_total{outcome=\"automated\",release=\"stable\"} 12\n" +
            "turns_total{outcome=\"failed\",release=\"canary\"} 1 1700000000000\n" +
            "# a plain comment\n" +
            "\n" +
            "odd_gauge{path=\"C:\\\\tmp\",quote=\"say \\\"hi\\\"\",text=\"a\\nb\",} -Inf\n" +
            "no_labels 1.5e3\n" +
            "nan_gauge NaN\n");

        scrape.Types.Should().Contain("turns_total", "counter");
        scrape.Sum("turns_total").Should().Be(13);
        scrape.Sum("turns_total", l => l["release"] == "canary").Should().Be(1);
        var odd = scrape.Samples.Single(s => s.Name == "odd_gauge");
        odd.Label("path").Should().Be(@"C:\tmp");
        odd.Label("quote").Should().Be("say \"hi\"");
        odd.Label("text").Should().Be("a\nb");
        odd.Label("missing").Should().BeEmpty();
        odd.Value.Should().Be(double.NegativeInfinity);
        scrape.Samples.Single(s => s.Name == "no_labels").Value.Should().Be(1500);
        double.IsNaN(scrape.Samples.Single(s => s.Name == "nan_gauge").Value).Should().BeTrue();
    }

    [Theory]
    [InlineData("turns_total{outcome=\"a\"} 1\r\n", "carriage return")]
    [InlineData("9turns 1\n", "metric name")]
    [InlineData("turns_total 1 2 3\n", "after the timestamp")]
    [InlineData("turns_total one\n", "'one' where a number")]
    [InlineData("turns_total 1 soon\n", "timestamp")]
    [InlineData("turns_total\n", "has no value")]
    [InlineData("turns_total{outcome=\"a} 1\n", "ends inside a label value")]
    [InlineData("turns_total{outcome=a} 1\n", "expects '\"'")]
    [InlineData("turns_total{outcome=\"a\" release=\"b\"} 1\n", "expects ',' or '}'")]
    [InlineData("turns_total{outcome=\"a\\t\"} 1\n", "escape")]
    [InlineData("turns_total{__name__=\"a\"} 1\n", "invalid label name")]
    [InlineData("turns_total{a=\"1\",a=\"2\"} 1\n", "repeats the label 'a'")]
    [InlineData("turns_total{a=\"1\"} 1\nturns_total{a=\"1\"} 2\n", "repeats the series")]
    [InlineData("# TYPE turns_total counter\n# TYPE turns_total counter\n", "repeats the TYPE")]
    [InlineData("# TYPE turns_total countr\n", "a type other than")]
    [InlineData("# HELP turns_total a\n# HELP turns_total b\n", "repeats the HELP")]
    [InlineData("turns_total 1\n# TYPE turns_total counter\n", "after its samples")]
    [InlineData("# TYPE 1bad counter\n", "without a valid metric name")]
    public void Parse_MalformedLine_ThrowsNamingLineAndProblem(string text, string problem)
    {
        var parse = () => PrometheusScrape.Parse(text);

        parse.Should().Throw<PrometheusFormatException>().Which.Message.Should().StartWith("Line ").And.Contain(problem);
    }

    [Fact]
    public void Parse_MalformedSecondLine_NamesLine2()
    {
        var parse = () => PrometheusScrape.Parse("ok 1\nbad value\n");

        parse.Should().Throw<PrometheusFormatException>().WithMessage("Line 2 of the metrics text*");
    }

    [Theory]
    [InlineData("h_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n", "not cumulative")]
    [InlineData("h_bucket{le=\"1\"} 2\nh_count 2\n", "no le=\"+Inf\" bucket")]
    [InlineData("h_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_count 3\n", "must be equal")]
    [InlineData("h_bucket{le=\"soon\"} 1\nh_bucket{le=\"+Inf\"} 1\n", "numeric upper bound")]
    [InlineData("h_bucket{a=\"x\",le=\"1\"} 1\nh_bucket{a=\"x\",le=\"+Inf\"} 1\nh_bucket{a=\"y\",le=\"2\"} 1\nh_bucket{a=\"y\",le=\"+Inf\"} 1\n", "other bucket boundaries")]
    public void Parse_BrokenHistogram_Throws(string series, string problem)
    {
        var parse = () => PrometheusScrape.Parse("# TYPE h histogram\n" + series);

        parse.Should().Throw<PrometheusFormatException>().Which.Message.Should().Contain(problem);
    }

    [Fact]
    public void Histogram_SumsSeriesByBoundary()
    {
        var text = new SloExposition()
            .Histogram("end_to_end_latency_ms", "release=\"stable\",state=\"A\"", SloExposition.EndToEndBounds, new Dictionary<double, int> { [250] = 3, [1000] = 1 })
            .Histogram("end_to_end_latency_ms", "release=\"stable\",state=\"B\"", SloExposition.EndToEndBounds, new Dictionary<double, int> { [500] = 2, [double.PositiveInfinity] = 1 })
            .Histogram("end_to_end_latency_ms", "release=\"canary\",state=\"A\"", SloExposition.EndToEndBounds, new Dictionary<double, int> { [250] = 9 })
            .ToString();

        var stable = PrometheusScrape.Parse(text).Histogram("end_to_end_latency_ms", l => l["release"] == "stable");

        stable.Count.Should().Be(7);
        stable.Buckets.Select(b => b.CumulativeCount).Should().Equal(3, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7);
        stable.Buckets[^1].UpperBound.Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Histogram_NoMatchingSeries_IsEmpty()
    {
        var histogram = PrometheusScrape.Parse("x 1\n").Histogram("end_to_end_latency_ms");

        histogram.Count.Should().Be(0);
        double.IsNaN(histogram.Quantile(0.95)).Should().BeTrue();
    }
}
