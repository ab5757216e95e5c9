namespace Mirt.Host.Cli;

/// <summary>
/// Reports one SLO from a scrape: its target, current value and what is left of its error budget.
/// </summary>
/// <param name="Name">The SLO, for example <c>end-to-end p95</c>.</param>
/// <param name="Target">The target as an operator reads it, for example <c>&lt; 10000 ms</c>.</param>
/// <param name="Current">The current value as text (<c>412 ms</c>, <c>99.80%</c>), or <c>-</c> without data.</param>
/// <param name="BadShare">The observed share of bad events in [0, 1] (turns over the threshold, failed turns, errors
/// per call); NaN without data.</param>
/// <param name="AllowedBadShare">The share of bad events the SLO allows (0.05 for a p95, 0.005 for 99.5 %); NaN
/// when the SLO has no budget (cost).</param>
/// <param name="Observations">How many events the share is taken over (turns, calls); 0 without data.</param>
public sealed record SloStatus(string Name, string Target, string Current, double BadShare, double AllowedBadShare, double Observations)
{
    /// <summary>Gets the error budget left: <c>1 - BadShare / AllowedBadShare</c>; 1 untouched, 0 spent, below 0
    /// overspent; NaN without data or without a budget.</summary>
    public double BudgetLeft => Observations > 0 ? 1 - (BadShare / AllowedBadShare) : double.NaN;
}
