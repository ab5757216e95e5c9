using System.Globalization;

namespace Mirt.Host.Cli;

/// <summary>
/// Estimates quantiles and threshold shares from cumulative histogram buckets, the way Prometheus's
/// <c>histogram_quantile</c> does: linear interpolation inside the bucket that holds the rank.
/// </summary>
/// <remarks>Immutable and thread-safe. The estimate is exact only at bucket boundaries, which is why the metric
/// boundaries include every SLO threshold.</remarks>
public sealed class PrometheusHistogram
{
    /// <summary>Initializes a new instance of the <see cref="PrometheusHistogram"/> class.</summary>
    /// <param name="buckets">The cumulative buckets in increasing boundary order, ending with the <c>+Inf</c> bucket;
    /// empty for a histogram without observations.</param>
    /// <exception cref="ArgumentException">The buckets are not ordered, not cumulative, or do not end at +Inf.</exception>
    public PrometheusHistogram(IReadOnlyList<PrometheusBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        for (var i = 1; i < buckets.Count; i++)
        {
            if (buckets[i].UpperBound <= buckets[i - 1].UpperBound || buckets[i].CumulativeCount < buckets[i - 1].CumulativeCount)
            {
                throw new ArgumentException("Buckets must have increasing boundaries and non-decreasing cumulative counts.", nameof(buckets));
            }
        }

        if (buckets.Count > 0 && !double.IsPositiveInfinity(buckets[^1].UpperBound))
        {
            throw new ArgumentException("The last bucket must be the +Inf bucket.", nameof(buckets));
        }

        Buckets = buckets;
    }

    /// <summary>Gets a histogram without buckets or observations.</summary>
    public static PrometheusHistogram Empty { get; } = new([]);

    /// <summary>Gets the cumulative buckets, ending with <c>+Inf</c>.</summary>
    public IReadOnlyList<PrometheusBucket> Buckets { get; }

    /// <summary>Gets the number of observations (the <c>+Inf</c> bucket); 0 when empty.</summary>
    public double Count => Buckets.Count == 0 ? 0 : Buckets[^1].CumulativeCount;

    /// <summary>Estimates the <paramref name="quantile"/>-th quantile: finds the first bucket whose cumulative count
    /// reaches <c>quantile × Count</c> and interpolates linearly between its lower and upper boundary (the lowest
    /// bucket starts at 0). When the rank falls in the <c>+Inf</c> bucket, returns the highest finite boundary.</summary>
    /// <param name="quantile">The quantile, above 0 and at most 1 (0.95 for p95).</param>
    /// <returns>The estimate in the metric's unit; <see cref="double.NaN"/> without observations.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantile"/> is not in (0, 1].</exception>
    public double Quantile(double quantile)
    {
        if (!(quantile > 0 && quantile <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "The quantile must be above 0 and at most 1, for example 0.95.");
        }

        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = quantile * Count;
        var i = 0;
        while (Buckets[i].CumulativeCount < rank)
        {
            i++;
        }

        if (double.IsPositiveInfinity(Buckets[i].UpperBound))
        {
            return i == 0 ? double.NaN : Buckets[i - 1].UpperBound;
        }

        var lower = i == 0 ? Math.Min(0, Buckets[0].UpperBound) : Buckets[i - 1].UpperBound;
        var below = i == 0 ? 0 : Buckets[i - 1].CumulativeCount;
        var inBucket = Buckets[i].CumulativeCount - below;
        return lower + ((Buckets[i].UpperBound - lower) * (rank - below) / inBucket);
    }

    /// <summary>Computes the share of observations above <paramref name="threshold"/>: exact when the threshold is a
    /// bucket boundary, otherwise interpolated linearly inside its bucket.</summary>
    /// <param name="threshold">The threshold in the metric's unit (ms here), at least 0.</param>
    /// <returns>The share in [0, 1]; <see cref="double.NaN"/> without observations.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is negative or not finite.</exception>
    public double ShareAbove(double threshold)
    {
        if (!double.IsFinite(threshold) || threshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be a finite number of at least 0.");
        }

        if (Count == 0)
        {
            return double.NaN;
        }

        var lower = 0.0;
        var below = 0.0;
        foreach (var bucket in Buckets)
        {
            if (threshold <= bucket.UpperBound)
            {
                var atOrBelow = double.IsPositiveInfinity(bucket.UpperBound)
                    ? below
                    : below + ((bucket.CumulativeCount - below) * (threshold - lower) / (bucket.UpperBound - lower));
                return 1 - (atOrBelow / Count);
            }

            lower = bucket.UpperBound;
            below = bucket.CumulativeCount;
        }

        return 0;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(" ", Buckets.Select(b => string.Create(CultureInfo.InvariantCulture, $"le={b.UpperBound}:{b.CumulativeCount}")));
}
