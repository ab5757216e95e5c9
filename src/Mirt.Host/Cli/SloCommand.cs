using System.Globalization;
using System.Text;

namespace Mirt.Host.Cli;

/// <summary>
/// Runs <c>mirt slo --from URL</c>: scrapes the host's <c>/metrics</c> and prints every SLO with its target, current
/// value, bad share against the allowed share, and the error budget left.
/// </summary>
/// <remarks>Exit codes: 0 printed, 2 usage or scrape error. Values are since the host started (the counters are
/// cumulative); Prometheus and the alert rules give windows.</remarks>
internal static class SloCommand
{
    public const string Usage = "usage: mirt slo --from URL   (URL: the host's /metrics, e.g. http://127.0.0.1:8080/metrics)";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Count != 2 || args[0] != "--from" || !PrometheusEndpoint.TryParseUrl(args[1], out var url))
        {
            await error.WriteLineAsync($"mirt slo: give --from and an absolute http(s) URL.\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        try
        {
            var scrape = await PrometheusEndpoint.ScrapeAsync(url, cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(Report(SloCatalog.Evaluate(scrape))).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is PrometheusScrapeException or PrometheusFormatException)
        {
            await error.WriteLineAsync($"mirt slo: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
    }

    internal static string Report(IReadOnlyList<SloStatus> statuses)
    {
        var text = new StringBuilder();
        text.AppendLine(Row("slo", "target", "current", "bad", "allowed", "events", "budget_left"));
        foreach (var s in statuses)
        {
            text.AppendLine(Row(
                s.Name,
                s.Target,
                s.Current,
                double.IsNaN(s.BadShare) ? "-" : SloCatalog.Percent(s.BadShare),
                double.IsNaN(s.AllowedBadShare) ? "-" : SloCatalog.Percent(s.AllowedBadShare),
                s.Observations.ToString("0", CultureInfo.InvariantCulture),
                Budget(s.BudgetLeft)));
        }

        return text.ToString();
    }

    private static string Row(string name, string target, string current, string bad, string allowed, string events, string budget) =>
        $"{name,-22} {target,-38} {current,-22} {bad,8} {allowed,8} {events,8}  {budget}";

    private static string Budget(double left) => left switch
    {
        double.NaN => "n/a",
        < 0 => SloCatalog.Percent(left) + " (overspent)",
        _ => SloCatalog.Percent(left),
    };
}
