namespace Mirt.Host.Observability;

/// <summary>
/// Holds one labelled series of a <see cref="MetricFamily"/>.
/// </summary>
/// <param name="Labels">The label pairs in the order they are written; names follow Prometheus rules, values are any text
/// (escaped when written).</param>
/// <param name="Value">The value of a counter or gauge; unused for a histogram.</param>
/// <param name="Histogram">The distribution of a histogram series; <see langword="null"/> for counters and gauges.</param>
public sealed record MetricSeries(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, HistogramData? Histogram = null);
