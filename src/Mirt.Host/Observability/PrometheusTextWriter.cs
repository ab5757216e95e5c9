using System.Globalization;
using System.Text;

namespace Mirt.Host.Observability;

/// <summary>
/// Writes metric families in the Prometheus text exposition format 0.0.4: a <c># HELP</c> and a <c># TYPE</c> line per
/// family, then its samples; counters as <c>&lt;name&gt;_total</c>; histograms as cumulative <c>_bucket</c> series
/// whose <c>le="+Inf"</c> bucket equals <c>_count</c>, then <c>_sum</c> and <c>_count</c>.
/// </summary>
/// <remarks>Families are written sorted by name and series by their labels, so two scrapes of the same values are
/// byte-identical. Label values escape <c>\</c>, <c>"</c> and line feeds; help text escapes <c>\</c> and line feeds.
/// Stateless and thread-safe.</remarks>
public static class PrometheusTextWriter
{
    /// <summary>Gets the media type of the format, for the <c>Content-Type</c> header.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Writes the families as exposition text.</summary>
    /// <param name="families">The families to write; an empty list writes nothing.</param>
    /// <returns>The text, each line ending in a line feed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="families"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A histogram series has no <see cref="HistogramData"/>, or its bucket counts
    /// do not have one more entry than its bounds.</exception>
    public static string Write(IEnumerable<MetricFamily> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        var text = new StringBuilder();
        foreach (var family in families.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            WriteFamily(text, family);
        }

        return text.ToString();
    }

    /// <summary>Escapes a label value: backslash, double quote and line feed.</summary>
    /// <param name="value">The raw value.</param>
    /// <returns>The value as it may stand between double quotes.</returns>
    public static string EscapeLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
    }

    /// <summary>Makes a metric or label name legal: every character outside <c>[a-zA-Z0-9_]</c> (and <c>:</c> in
    /// metric names) becomes <c>_</c>, and a leading digit gets a <c>_</c> in front.</summary>
    /// <param name="name">The raw name, for example an OpenTelemetry instrument name with dots.</param>
    /// <param name="allowColon">Tells whether <c>:</c> is legal (metric names) or not (label names).</param>
    /// <returns>The legal name.</returns>
    public static string SanitizeName(string name, bool allowColon = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_').ToArray();
        var clean = new string(chars);
        return char.IsAsciiDigit(clean[0]) ? "_" + clean : clean;
    }

    private static void WriteFamily(StringBuilder text, MetricFamily family)
    {
        var name = SanitizeName(family.Name);
        var exposed = family.Kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
        var type = family.Kind switch
        {
            MetricKind.Counter => "counter",
            MetricKind.Histogram => "histogram",
            _ => "gauge",
        };
        text.Append("# HELP ").Append(exposed).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
        text.Append("# TYPE ").Append(exposed).Append(' ').Append(type).Append('\n');
        foreach (var series in family.Series.OrderBy(s => LabelKey(s.Labels), StringComparer.Ordinal))
        {
            if (family.Kind == MetricKind.Histogram)
            {
                WriteHistogram(text, name, series);
            }
            else
            {
                WriteSample(text, exposed, series.Labels, null, FormatValue(series.Value));
            }
        }
    }

    private static void WriteHistogram(StringBuilder text, string name, MetricSeries series)
    {
        var histogram = series.Histogram ?? throw new ArgumentException($"The histogram series {LabelKey(series.Labels)} of '{name}' has no histogram data; give MetricSeries.Histogram.", nameof(series));
        if (histogram.BucketCounts.Count != histogram.UpperBounds.Count + 1)
        {
            throw new ArgumentException($"The histogram series {LabelKey(series.Labels)} of '{name}' has {histogram.UpperBounds.Count} bounds and {histogram.BucketCounts.Count} bucket counts; give one count per bound plus one for +Inf.", nameof(series));
        }

        long cumulative = 0;
        for (var i = 0; i < histogram.UpperBounds.Count; i++)
        {
            cumulative += histogram.BucketCounts[i];
            WriteSample(text, name + "_bucket", series.Labels, FormatValue(histogram.UpperBounds[i]), cumulative.ToString(CultureInfo.InvariantCulture));
        }

        WriteSample(text, name + "_bucket", series.Labels, "+Inf", histogram.Count.ToString(CultureInfo.InvariantCulture));
        WriteSample(text, name + "_sum", series.Labels, null, FormatValue(histogram.Sum));
        WriteSample(text, name + "_count", series.Labels, null, histogram.Count.ToString(CultureInfo.InvariantCulture));
    }

    private static void WriteSample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, string value)
    {
        text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, labelValue) in labels)
            {
                text.Append(first ? string.Empty : ",").Append(SanitizeName(key, allowColon: false)).Append("=\"").Append(EscapeLabelValue(labelValue)).Append('"');
                first = false;
            }

            if (le is not null)
            {
                text.Append(first ? string.Empty : ",").Append("le=\"").Append(le).Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(value).Append('\n');
    }

    private static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string LabelKey(IReadOnlyList<KeyValuePair<string, string>> labels) =>
        string.Join(",", labels.Select(l => $"{l.Key}={l.Value}"));
}
