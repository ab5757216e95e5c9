using System.Globalization;

namespace Mirt.Host.Bench;

/// <summary>
/// A lognormal latency distribution given by its median and 99th percentile, as a scripted model's think time:
/// <c>ln(latency)</c> is normal with mean <c>ln(median)</c> and standard deviation <c>ln(p99 / median) / z₀.₉₉</c>.
/// </summary>
/// <param name="MedianMs">The median latency, in ms.</param>
/// <param name="P99Ms">The 99th-percentile latency, in ms; at least the median.</param>
internal sealed record LognormalLatency(double MedianMs, double P99Ms)
{
    /// <summary>The standard normal quantile of 0.99.</summary>
    private const double Z99 = 2.3263478740408408;

    /// <summary>The standard normal quantile of 0.95.</summary>
    private const double Z95 = 1.6448536269514722;

    /// <summary>Gets the standard deviation of <c>ln(latency)</c>.</summary>
    public double Sigma => Math.Log(P99Ms / MedianMs) / Z99;

    /// <summary>Gets the distribution's 95th percentile, in ms, to compare the end-to-end p95 with.</summary>
    public double P95Ms => MedianMs * Math.Exp(Sigma * Z95);

    /// <summary>Parses <c>lognormal:MEDIAN_MS:P99_MS</c>, for example <c>lognormal:2000:8000</c>.</summary>
    /// <param name="text">The option value.</param>
    /// <param name="latency">The distribution when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is valid: positive numbers, p99 at least the median.</returns>
    public static bool TryParse(string text, out LognormalLatency? latency)
    {
        latency = null;
        var parts = text.Split(':');
        if (parts.Length != 3 || !string.Equals(parts[0], "lognormal", StringComparison.Ordinal)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var median)
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var p99)
            || median <= 0 || p99 < median || double.IsInfinity(p99))
        {
            return false;
        }

        latency = new LognormalLatency(median, p99);
        return true;
    }

    /// <summary>Draws one latency.</summary>
    /// <param name="random">The source of randomness (Box–Muller on two uniform draws).</param>
    /// <returns>The latency.</returns>
    public TimeSpan Sample(Random random)
    {
        // 1 - NextDouble() is in (0, 1], so the logarithm is finite.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return TimeSpan.FromMilliseconds(MedianMs * Math.Exp(Sigma * z));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"lognormal:{MedianMs}:{P99Ms}");
}
