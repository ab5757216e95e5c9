using System.Globalization;
using System.Text.RegularExpressions;

namespace Mirt.Ops.Tests;

/// <summary>
/// Rewrites every alert's threshold in the rule file's text: the <c>expr: recorded_series &gt; N</c> (or <c>&lt; N</c>)
/// lines, and the LLM budget the cost alert compares against.
/// </summary>
internal static partial class AlertThresholds
{
    private const string BudgetRule = "expr: vector(20)";

    /// <summary>Makes every alert impossible to fire (a count alert's "above 0" included).</summary>
    public static string NeverFiring(string rules) =>
        Rewrite(rules, (op, n) => op == ">" ? (n + 1) * 1000 : -1, budget: "1e12");

    /// <summary>Makes every alert fire on any traffic at all.</summary>
    public static string AlwaysFiring(string rules) =>
        Rewrite(rules, (op, n) => op == ">" ? -1 : n * 1000, budget: "-1");

    /// <summary>Reads an alert expression of the form <c>recorded_series &gt; N</c> or <c>&lt; N</c>.</summary>
    public static bool TryRead(string expr, out string series, out string comparison, out double threshold)
    {
        var match = Comparison().Match(expr.Trim());
        series = match.Groups["series"].Value;
        comparison = match.Groups["op"].Value;
        threshold = match.Success ? double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : double.NaN;
        return match.Success;
    }

    private static string Rewrite(string rules, Func<string, double, double> threshold, string budget)
    {
        if (!rules.Contains(BudgetRule, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"alerts.yml has no '{BudgetRule}' any more; update AlertThresholds.");
        }

        var rewritten = Threshold().Replace(rules, m =>
        {
            var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            var changed = threshold(m.Groups["op"].Value, n).ToString("R", CultureInfo.InvariantCulture);
            return $"{m.Groups["head"].Value}{m.Groups["op"].Value} {changed}";
        });
        return rewritten.Replace(BudgetRule, $"expr: vector({budget})", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<head>\s+expr: \S+ )(?<op>[<>]) (?<n>[0-9.]+)$", RegexOptions.Multiline)]
    private static partial Regex Threshold();

    [GeneratedRegex(@"^(?<series>\S+) (?<op>[<>]) (?<n>[0-9.]+)$")]
    private static partial Regex Comparison();
}
