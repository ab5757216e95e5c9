using System.Globalization;

namespace Mirt.Host.Cli;

/// <summary>
/// Lists the SLOs of the seed runbook (docs/RUNBOOK.md) and evaluates them against one scrape of <c>/metrics</c>,
/// over every release together.
/// </summary>
/// <remarks>Latency SLOs count the turns or calls above the threshold from the cumulative buckets (every threshold is
/// a bucket boundary, so the share is exact) against the 5 % a p95 or the 1 % a p99 allows. Ratio SLOs divide the bad
/// events by their denominator (turns, or calls = the latency histogram's count) against the allowed ratio.</remarks>
public static class SloCatalog
{
    /// <summary>The intent of a photo turn, whose end-to-end latency has its own (vision) SLO.</summary>
    private const string PhotoIntent = "PHOTO_IDENT";

    /// <summary>Tells whether a series belongs to text turns: photo turns have their own (vision) latency SLO, so the text
    /// latency SLOs, the alert rules in <c>ops/prometheus/alerts.yml</c> and <c>mirt canary status</c> leave them out.</summary>
    /// <param name="labels">The series' labels.</param>
    /// <returns><see langword="false"/> for series with <c>intent="PHOTO_IDENT"</c>.</returns>
    public static bool IsTextTurn(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return !(labels.TryGetValue("intent", out var intent) && intent == PhotoIntent);
    }

    /// <summary>Evaluates every SLO.</summary>
    /// <param name="scrape">The parsed <c>/metrics</c> text.</param>
    /// <returns>One status per SLO, in runbook order.</returns>
    /// <exception cref="PrometheusFormatException">A latency histogram's series cannot be added up.</exception>
    public static IReadOnlyList<SloStatus> Evaluate(PrometheusScrape scrape)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        var turns = scrape.Sum("turns_total");
        double Turns(string outcome) => scrape.Sum("turns_total", l => l.TryGetValue("outcome", out var o) && o == outcome);
        var checkpointerCalls = scrape.Histogram("checkpointer_latency_ms").Count;
        var llmCalls = scrape.Histogram("llm_latency_ms").Count;
        return
        [
            Latency("end-to-end p95", scrape.Histogram("end_to_end_latency_ms", IsTextTurn), 0.95, 10_000),
            Latency("end-to-end p99", scrape.Histogram("end_to_end_latency_ms", IsTextTurn), 0.99, 18_000),
            Latency("vision end-to-end p95", scrape.Histogram("end_to_end_latency_ms", l => l.TryGetValue("intent", out var i) && i == PhotoIntent), 0.95, 35_000),
            Latency("checkpointer p95", scrape.Histogram("checkpointer_latency_ms"), 0.95, 1_000),
            Latency("checkpointer p99", scrape.Histogram("checkpointer_latency_ms"), 0.99, 2_000),
            Latency("LLM p95", scrape.Histogram("llm_latency_ms"), 0.95, 5_000),
            Latency("LLM p99", scrape.Histogram("llm_latency_ms"), 0.99, 10_000),
            Ratio("validation errors", "< 1% of turns", scrape.Sum("validation_errors_total"), turns, 0.01),
            Ratio("moderation blocks", "< 0.5% of turns", scrape.Sum("moderation_blocks_total"), turns, 0.005),
            Ratio("checkpointer errors", "< 0.1% of calls", scrape.Sum("checkpointer_errors_total"), checkpointerCalls, 0.001),
            Ratio("LLM errors", "< 0.5% of calls", scrape.Sum("llm_errors_total"), llmCalls, 0.005),
            Ratio("availability", ">= 99.5% of turns not failed", Turns("failed"), turns, 0.005, showGood: true),
            Ratio("automation rate", ">= 75% of turns automated", turns - Turns("automated"), turns, 0.25, showGood: true),
            Ratio("escalation rate", "<= 20% of turns", Turns("escalated"), turns, 0.20),
            new SloStatus("LLM cost", "< 20 USD/day (alert on 24 h increase)", Usd(scrape.Sum("llm_cost_usd_total")) + " since start", double.NaN, double.NaN, 0),
        ];
    }

    private static SloStatus Latency(string name, PrometheusHistogram histogram, double quantile, double thresholdMs)
    {
        var value = histogram.Quantile(quantile);
        return new SloStatus(
            name,
            string.Create(CultureInfo.InvariantCulture, $"< {thresholdMs:0} ms"),
            double.IsNaN(value) ? "-" : string.Create(CultureInfo.InvariantCulture, $"{value:0} ms"),
            histogram.ShareAbove(thresholdMs),
            Math.Round(1 - quantile, 6), // 0.05 for a p95, not 0.050000000000000044
            histogram.Count);
    }

    private static SloStatus Ratio(string name, string target, double bad, double total, double allowedBad, bool showGood = false)
    {
        var share = total > 0 ? bad / total : double.NaN;
        var shown = showGood ? 1 - share : share;
        return new SloStatus(name, target, double.IsNaN(share) ? "-" : Percent(shown), share, allowedBad, total);
    }

    internal static string Percent(double share) => (share * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string Usd(double usd) => usd.ToString("0.00", CultureInfo.InvariantCulture) + " USD";
}
