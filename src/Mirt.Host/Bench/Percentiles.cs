namespace Mirt.Host.Bench;

/// <summary>
/// Nearest-rank percentiles: the p-th percentile of n sorted values is the value at rank ⌈p/100 · n⌉ (1-based), so
/// it is always one of the measured values; p50 of an even count is the lower middle value.
/// </summary>
internal static class Percentiles
{
    /// <summary>Sorts a copy of <paramref name="values"/> for <see cref="Of"/>.</summary>
    /// <param name="values">The measurements.</param>
    /// <returns>The sorted copy.</returns>
    public static double[] Sorted(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Gets the nearest-rank percentile of sorted values.</summary>
    /// <param name="sorted">The values, ascending.</param>
    /// <param name="percent">The percentile, in (0, 100].</param>
    /// <returns>The value, or <see langword="null"/> when there are none.</returns>
    public static double? Of(double[] sorted, double percent)
    {
        if (sorted.Length == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
