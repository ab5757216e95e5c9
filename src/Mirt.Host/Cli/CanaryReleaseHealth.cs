namespace Mirt.Host.Cli;

/// <summary>
/// Sums up one release from a scrape: its turns, end-to-end latency quantiles and failure and escalation rates.
/// </summary>
/// <param name="Release">The <c>release</c> label value, <c>stable</c> or <c>canary</c>.</param>
/// <param name="Turns">All turns of the release (<c>turns_total</c> over every outcome).</param>
/// <param name="P95Ms">The end-to-end p95 of text turns in ms, estimated from <c>end_to_end_latency_ms_bucket</c>
/// (photo turns have their own SLO); NaN without turns.</param>
/// <param name="P99Ms">The end-to-end p99 of text turns in ms; NaN without turns.</param>
/// <param name="ErrorRate">Failed turns / all turns, in [0, 1]; NaN without turns.</param>
/// <param name="EscalationRate">Escalated turns / all turns, in [0, 1]; NaN without turns.</param>
public sealed record CanaryReleaseHealth(string Release, double Turns, double P95Ms, double P99Ms, double ErrorRate, double EscalationRate)
{
    /// <summary>Computes a release's health from a scrape.</summary>
    /// <param name="scrape">The parsed <c>/metrics</c> text.</param>
    /// <param name="release">The release label value.</param>
    /// <returns>The health; rates and quantiles are NaN when the release has no turns.</returns>
    /// <exception cref="PrometheusFormatException">The latency histogram's series cannot be added up.</exception>
    public static CanaryReleaseHealth From(PrometheusScrape scrape, string release)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        bool Ours(IReadOnlyDictionary<string, string> labels) => labels.TryGetValue("release", out var value) && value == release;
        double Outcome(string outcome) => scrape.Sum("turns_total", l => Ours(l) && l.TryGetValue("outcome", out var o) && o == outcome);

        var turns = scrape.Sum("turns_total", Ours);
        var latency = scrape.Histogram("end_to_end_latency_ms", l => Ours(l) && SloCatalog.IsTextTurn(l));
        return new CanaryReleaseHealth(
            release,
            turns,
            latency.Quantile(0.95),
            latency.Quantile(0.99),
            turns > 0 ? Outcome("failed") / turns : double.NaN,
            turns > 0 ? Outcome("escalated") / turns : double.NaN);
    }
}
