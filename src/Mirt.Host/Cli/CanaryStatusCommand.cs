using System.Globalization;

namespace Mirt.Host.Cli;

/// <summary>
/// Runs <c>mirt canary status --metrics URL [--min-turns N]</c>: scrapes the host, prints stable and canary side by
/// side, the reasons, and a last line <c>PROMOTE</c>, <c>ROLLBACK</c> or <c>WAIT</c>.
/// </summary>
/// <remarks>Exit codes: 0 PROMOTE, 3 ROLLBACK, 4 WAIT, 2 usage or scrape error.</remarks>
internal static class CanaryStatusCommand
{
    public const string Usage = "usage: mirt canary status --metrics URL [--min-turns N]   (URL: the host's /metrics, e.g. http://127.0.0.1:8080/metrics)";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryReadArguments(args, out var url, out var minTurns, out var problem))
        {
            await error.WriteLineAsync($"mirt canary: {problem}\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        CanaryReleaseHealth stable, canary;
        try
        {
            var scrape = await PrometheusEndpoint.ScrapeAsync(url, cancellationToken).ConfigureAwait(false);
            stable = CanaryReleaseHealth.From(scrape, "stable");
            canary = CanaryReleaseHealth.From(scrape, "canary");
        }
        catch (Exception ex) when (ex is PrometheusScrapeException or PrometheusFormatException)
        {
            await error.WriteLineAsync($"mirt canary: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        var decision = CanaryDecision.Decide(stable, canary, minTurns);
        await output.WriteAsync(Report(stable, canary, decision, minTurns)).ConfigureAwait(false);
        return (int)decision.Verdict;
    }

    internal static string Report(CanaryReleaseHealth stable, CanaryReleaseHealth canary, CanaryDecision decision, int minTurns)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("release      turns   p95_ms   p99_ms  error_rate  escalation_rate");
        foreach (var r in new[] { stable, canary })
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{r.Release,-8}{r.Turns,9:0}{Ms(r.P95Ms),9}{Ms(r.P99Ms),9}{Percent(r.ErrorRate),12}{Percent(r.EscalationRate),17}"));
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"rollback when the canary's end-to-end p95 > {CanaryThresholds.SloP95Ms:0} ms or p99 > {CanaryThresholds.SloP99Ms:0} ms, or either is above stable's by more than {CanaryThresholds.RelativeSlowdown * 100:0} % and {CanaryThresholds.AbsoluteSlowdownMs:0} ms, or its error rate is above stable's by more than {CanaryThresholds.ErrorRateIncrease * 100:0.0} points; each release needs {minTurns} turns"));
        foreach (var reason in decision.Reasons)
        {
            text.Append("- ").AppendLine(reason);
        }

        text.AppendLine(decision.Verdict.ToString().ToUpperInvariant());
        return text.ToString();
    }

    private static bool TryReadArguments(IReadOnlyList<string> args, out Uri url, out int minTurns, out string problem)
    {
        url = null!;
        minTurns = CanaryThresholds.DefaultMinTurns;
        problem = string.Empty;
        if (args.Count == 0 || args[0] != "status")
        {
            problem = "the only subcommand is 'status'.";
            return false;
        }

        string? metrics = null;
        for (var i = 1; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--metrics" when value is not null:
                    metrics = value;
                    i++;
                    break;
                case "--min-turns" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out minTurns):
                    i++;
                    break;
                default:
                    problem = $"'{args[i]}' is not understood here (or lacks its value).";
                    return false;
            }
        }

        if (!PrometheusEndpoint.TryParseUrl(metrics, out url))
        {
            problem = metrics is null ? "give --metrics URL." : $"--metrics '{metrics}' is not an absolute http(s) URL.";
            return false;
        }

        return true;
    }

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("0", CultureInfo.InvariantCulture);

    private static string Percent(double value) => double.IsNaN(value) ? "-" : (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
