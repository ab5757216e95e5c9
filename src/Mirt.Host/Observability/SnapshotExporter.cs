using System.Globalization;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Mirt.Host.Observability;

/// <summary>
/// Receives the metrics a scrape collects and keeps them as <see cref="MetricFamily"/> snapshots, because
/// OpenTelemetry's metric points are only valid inside <see cref="Export"/>.
/// </summary>
/// <remarks>It is read on demand (<see cref="MirtTelemetry.Collect"/> calls the reader's <c>Collect</c>), yet declares
/// the default push mode: the SDK lets a pull-only exporter collect only inside its own internal pull scope, which
/// only its bundled Prometheus exporter can open. Its reader has no timer, so nothing is pushed anywhere.</remarks>
internal sealed class SnapshotExporter : BaseExporter<Metric>
{
    private IReadOnlyList<MetricFamily> _latest = [];

    /// <summary>Gets the families of the last collection.</summary>
    public IReadOnlyList<MetricFamily> Latest => Volatile.Read(ref _latest);

    /// <summary>Forgets the last collection, so a collection that exports nothing leaves nothing behind.</summary>
    public void Clear() => Volatile.Write(ref _latest, []);

    /// <inheritdoc />
    public override ExportResult Export(in Batch<Metric> batch)
    {
        var families = new List<MetricFamily>();
        foreach (var metric in batch)
        {
            if (Convert(metric) is { } family)
            {
                families.Add(family);
            }
        }

        Volatile.Write(ref _latest, families);
        return ExportResult.Success;
    }

    private static MetricFamily? Convert(Metric metric)
    {
        MetricKind kind;
        switch (metric.MetricType)
        {
            case MetricType.LongSum or MetricType.DoubleSum:
                kind = MetricKind.Counter;
                break;
            case MetricType.Histogram:
                kind = MetricKind.Histogram;
                break;
            case MetricType.LongGauge or MetricType.DoubleGauge or MetricType.LongSumNonMonotonic or MetricType.DoubleSumNonMonotonic:
                kind = MetricKind.Gauge;
                break;
            default:
                return null; // exponential histograms are not configured by any view
        }

        var series = new List<MetricSeries>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var labels = Labels(point);
            series.Add(kind == MetricKind.Histogram
                ? new MetricSeries(labels, 0, Histogram(point))
                : new MetricSeries(labels, Value(metric.MetricType, point)));
        }

        return new MetricFamily(metric.Name, metric.Description ?? string.Empty, kind, series);
    }

    private static List<KeyValuePair<string, string>> Labels(in MetricPoint point)
    {
        var labels = new List<KeyValuePair<string, string>>();
        foreach (var tag in point.Tags)
        {
            labels.Add(new(tag.Key, System.Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty));
        }

        labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return labels;
    }

    private static double Value(MetricType type, in MetricPoint point) => type switch
    {
        MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble(),
        MetricType.LongGauge => point.GetGaugeLastValueLong(),
        _ => point.GetGaugeLastValueDouble(),
    };

    private static HistogramData Histogram(in MetricPoint point)
    {
        var bounds = new List<double>();
        var counts = new List<long>();
        foreach (var bucket in point.GetHistogramBuckets())
        {
            if (!double.IsPositiveInfinity(bucket.ExplicitBound))
            {
                bounds.Add(bucket.ExplicitBound);
            }

            counts.Add(bucket.BucketCount);
        }

        return new HistogramData(bounds, counts, point.GetHistogramSum(), point.GetHistogramCount());
    }
}
