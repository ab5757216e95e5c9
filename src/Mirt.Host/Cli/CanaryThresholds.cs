namespace Mirt.Host.Cli;

/// <summary>
/// States when <c>mirt canary status</c> says ROLLBACK (docs/RUNBOOK.md repeats these): the canary's end-to-end p95 or
/// p99 breaks the SLO, or is worse than stable's by more than both the relative and the absolute margin, or its error
/// rate is worse than stable's by more than the error margin. Otherwise PROMOTE, unless a release has too few turns.
/// </summary>
public static class CanaryThresholds
{
    /// <summary>The end-to-end p95 SLO, in ms: a canary p95 above it rolls back.</summary>
    public const double SloP95Ms = 10_000;

    /// <summary>The end-to-end p99 SLO, in ms: a canary p99 above it rolls back.</summary>
    public const double SloP99Ms = 18_000;

    /// <summary>How much worse than stable's a canary quantile may be, as a fraction (0.20 = 20 %), before it counts
    /// against the canary; both this and <see cref="AbsoluteSlowdownMs"/> must be exceeded.</summary>
    public const double RelativeSlowdown = 0.20;

    /// <summary>How much worse than stable's a canary quantile may be, in ms, before it counts against the canary;
    /// both this and <see cref="RelativeSlowdown"/> must be exceeded, so a 40 ms turn becoming 60 ms is not a rollback.</summary>
    public const double AbsoluteSlowdownMs = 500;

    /// <summary>How much higher than stable's the canary's failed-turn rate may be, as a fraction of turns
    /// (0.005 = 0.5 percentage points).</summary>
    public const double ErrorRateIncrease = 0.005;

    /// <summary>The turns each release needs before a verdict other than WAIT (<c>--min-turns</c>); below 100 a p99 is
    /// just the slowest turn.</summary>
    public const int DefaultMinTurns = 100;
}
