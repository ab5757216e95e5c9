using System.Globalization;

namespace Mirt.Host.Cli;

/// <summary>
/// Decides PROMOTE, ROLLBACK or WAIT for a canary against stable by <see cref="CanaryThresholds"/>, with one sentence
/// per reason.
/// </summary>
/// <param name="Verdict">What to do.</param>
/// <param name="Reasons">Why: the thresholds broken for ROLLBACK, the missing turns for WAIT; empty for PROMOTE.</param>
public sealed record CanaryDecision(CanaryVerdict Verdict, IReadOnlyList<string> Reasons)
{
    /// <summary>Compares the canary with stable. WAIT comes first: a release with fewer than
    /// <paramref name="minTurns"/> turns gives no verdict. Then ROLLBACK when the canary's p95 is above 10 s or its
    /// p99 above 18 s; or either quantile is above stable's by more than 20 % and 500 ms; or its error rate is above
    /// stable's by more than 0.5 percentage points. Comparisons with stable are skipped when stable has no turns
    /// (possible only with <paramref name="minTurns"/> 0). Otherwise PROMOTE.</summary>
    /// <param name="stable">The stable release's health.</param>
    /// <param name="canary">The canary release's health.</param>
    /// <param name="minTurns">The turns each release needs, at least 0.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minTurns"/> is negative.</exception>
    public static CanaryDecision Decide(CanaryReleaseHealth stable, CanaryReleaseHealth canary, int minTurns)
    {
        ArgumentNullException.ThrowIfNull(stable);
        ArgumentNullException.ThrowIfNull(canary);
        ArgumentOutOfRangeException.ThrowIfNegative(minTurns);
        // Stable may be empty when minTurns is 0 (a canary at 100 %), but a canary without turns proves nothing.
        var waiting = new[] { (Health: stable, Needed: minTurns), (Health: canary, Needed: Math.Max(minTurns, 1)) }
            .Where(r => r.Health.Turns < r.Needed)
            .Select(r => Say($"{r.Health.Release} has {r.Health.Turns} turns; a verdict needs at least {r.Needed}."))
            .ToList();
        if (waiting.Count > 0)
        {
            return new CanaryDecision(CanaryVerdict.Wait, waiting);
        }

        var reasons = new List<string>();
        CheckLatency(reasons, "p95", canary.P95Ms, stable.P95Ms, CanaryThresholds.SloP95Ms);
        CheckLatency(reasons, "p99", canary.P99Ms, stable.P99Ms, CanaryThresholds.SloP99Ms);
        if (canary.ErrorRate - stable.ErrorRate > CanaryThresholds.ErrorRateIncrease)
        {
            reasons.Add(Say($"canary error rate {canary.ErrorRate:P2} is above stable's {stable.ErrorRate:P2} by more than {CanaryThresholds.ErrorRateIncrease * 100} percentage points."));
        }

        return new CanaryDecision(reasons.Count > 0 ? CanaryVerdict.Rollback : CanaryVerdict.Promote, reasons);
    }

    private static void CheckLatency(List<string> reasons, string quantile, double canaryMs, double stableMs, double sloMs)
    {
        if (canaryMs > sloMs)
        {
            reasons.Add(Say($"canary {quantile} {canaryMs:0} ms breaks the SLO of {sloMs:0} ms."));
        }
        else if (canaryMs > stableMs * (1 + CanaryThresholds.RelativeSlowdown) && canaryMs - stableMs > CanaryThresholds.AbsoluteSlowdownMs)
        {
            reasons.Add(Say($"canary {quantile} {canaryMs:0} ms is above stable's {stableMs:0} ms by more than {CanaryThresholds.RelativeSlowdown:P0} and {CanaryThresholds.AbsoluteSlowdownMs:0} ms."));
        }
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
