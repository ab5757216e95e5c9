namespace Mirt.Host.Observability;

/// <summary>
/// Holds one histogram series as aggregated: per-bucket counts (not cumulative), the sum and the count.
/// </summary>
/// <param name="UpperBounds">The finite bucket upper bounds, ascending (for example 250, 500, 1000 ms).</param>
/// <param name="BucketCounts">The observations per bucket, not cumulative: one more entry than
/// <paramref name="UpperBounds"/>, the last one counting observations above the largest bound.</param>
/// <param name="Sum">The sum of all observations.</param>
/// <param name="Count">The number of observations; equals the sum of <paramref name="BucketCounts"/>.</param>
public sealed record HistogramData(IReadOnlyList<double> UpperBounds, IReadOnlyList<long> BucketCounts, double Sum, long Count);
