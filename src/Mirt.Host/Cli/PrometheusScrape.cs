using System.Globalization;

namespace Mirt.Host.Cli;

/// <summary>
/// Holds one parsed scrape of a <c>/metrics</c> endpoint and answers the sums the CLI needs, the way PromQL's
/// <c>sum(...)</c> and <c>sum by (le) (..._bucket)</c> would over a single instant.
/// </summary>
/// <remarks>Immutable and thread-safe once parsed.</remarks>
public sealed class PrometheusScrape
{
    private readonly Dictionary<string, double> _counts;

    internal PrometheusScrape(IReadOnlyList<PrometheusSample> samples, IReadOnlyDictionary<string, string> types)
    {
        Samples = samples;
        Types = types;
        _counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var count in samples.Where(s => s.Name.EndsWith("_count", StringComparison.Ordinal)))
        {
            _counts[$"{count.Name}{{{WithoutLe(count.Labels)}}}"] = count.Value;
        }

        foreach (var (name, type) in types)
        {
            if (type == "histogram")
            {
                _ = Histogram(name); // checks every series of every declared histogram once, up front
            }
        }
    }

    /// <summary>Gets every sample, in the order of the text.</summary>
    public IReadOnlyList<PrometheusSample> Samples { get; }

    /// <summary>Gets the declared type (<c>counter</c>, <c>gauge</c>, <c>histogram</c>, <c>summary</c>,
    /// <c>untyped</c>) of each metric that has a <c># TYPE</c> line, by metric name.</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    /// <summary>Parses Prometheus text exposition (format 0.0.4) strictly.</summary>
    /// <param name="text">The body of a <c>/metrics</c> response.</param>
    /// <returns>The scrape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="PrometheusFormatException">A line breaks the format, or a histogram series is not cumulative,
    /// lacks its <c>+Inf</c> bucket or disagrees with its <c>_count</c>; the message names the line or series.</exception>
    public static PrometheusScrape Parse(string text) => PrometheusTextParser.Parse(text);

    /// <summary>Adds up every sample of a series name whose labels pass a filter (PromQL <c>sum(name{...})</c>).</summary>
    /// <param name="name">The full series name, for example <c>turns_total</c>.</param>
    /// <param name="filter">Which label sets to include; <see langword="null"/> for all.</param>
    /// <returns>The sum; 0 when no sample matches.</returns>
    public double Sum(string name, Func<IReadOnlyDictionary<string, string>, bool>? filter = null) =>
        Samples.Where(s => s.Name == name && (filter is null || filter(s.Labels))).Sum(s => s.Value);

    /// <summary>Tells whether any sample has the series name.</summary>
    /// <param name="name">The full series name.</param>
    /// <returns><see langword="true"/> when at least one sample has it.</returns>
    public bool Has(string name) => Samples.Any(s => s.Name == name);

    /// <summary>Merges the <c>&lt;name&gt;_bucket</c> series of a histogram whose labels pass a filter into one
    /// histogram, adding counts per bucket boundary (PromQL <c>sum by (le) (name_bucket{...})</c>).</summary>
    /// <param name="name">The histogram's base name, for example <c>end_to_end_latency_ms</c>.</param>
    /// <param name="filter">Which label sets to include (the <c>le</c> label is part of what it sees);
    /// <see langword="null"/> for all.</param>
    /// <returns>The merged histogram; empty (count 0) when no bucket matches.</returns>
    /// <exception cref="PrometheusFormatException">A bucket has no numeric <c>le</c>, a series is not cumulative or has
    /// no <c>+Inf</c> bucket, or the merged series do not share the same boundaries.</exception>
    public PrometheusHistogram Histogram(string name, Func<IReadOnlyDictionary<string, string>, bool>? filter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var series = Samples
            .Where(s => s.Name == name + "_bucket" && (filter is null || filter(s.Labels)))
            .GroupBy(s => WithoutLe(s.Labels), StringComparer.Ordinal)
            .ToList();
        if (series.Count == 0)
        {
            return PrometheusHistogram.Empty;
        }

        double[]? bounds = null;
        double[]? totals = null;
        foreach (var one in series)
        {
            var buckets = one.Select(s => (Le: ParseLe(name, s), s.Value)).OrderBy(b => b.Le).ToArray();
            var ownBounds = buckets.Select(b => b.Le).ToArray();
            CheckSeries(name, one.Key, buckets);
            if (bounds is null)
            {
                bounds = ownBounds;
                totals = new double[buckets.Length];
            }
            else if (!bounds.SequenceEqual(ownBounds))
            {
                throw new PrometheusFormatException($"The series {name}_bucket{{{one.Key}}} has other bucket boundaries than the rest of {name}; they cannot be added up.");
            }

            for (var i = 0; i < buckets.Length; i++)
            {
                totals![i] += buckets[i].Value;
            }
        }

        return new PrometheusHistogram([.. bounds!.Zip(totals!, (le, count) => new PrometheusBucket(le, count))]);
    }

    private void CheckSeries(string name, string labels, (double Le, double Value)[] buckets)
    {
        if (!double.IsPositiveInfinity(buckets[^1].Le))
        {
            throw new PrometheusFormatException($"The series {name}_bucket{{{labels}}} has no le=\"+Inf\" bucket.");
        }

        for (var i = 1; i < buckets.Length; i++)
        {
            if (buckets[i].Value < buckets[i - 1].Value)
            {
                throw new PrometheusFormatException(string.Create(CultureInfo.InvariantCulture, $"The series {name}_bucket{{{labels}}} is not cumulative: le=\"{buckets[i].Le}\" counts {buckets[i].Value}, fewer than le=\"{buckets[i - 1].Le}\" with {buckets[i - 1].Value}."));
            }
        }

        if (_counts.TryGetValue($"{name}_count{{{labels}}}", out var count) && count != buckets[^1].Value)
        {
            throw new PrometheusFormatException(string.Create(CultureInfo.InvariantCulture, $"The series {name}_count{{{labels}}} is {count} but its +Inf bucket counts {buckets[^1].Value}; they must be equal."));
        }
    }

    private static double ParseLe(string name, PrometheusSample bucket)
    {
        var le = bucket.Label("le");
        return le switch
        {
            "+Inf" => double.PositiveInfinity,
            _ when double.TryParse(le, NumberStyles.Float, CultureInfo.InvariantCulture, out var bound) && double.IsFinite(bound) => bound,
            _ => throw new PrometheusFormatException($"A sample of {name}_bucket has le=\"{le}\"; every bucket needs a numeric upper bound or +Inf."),
        };
    }

    private static string WithoutLe(IReadOnlyDictionary<string, string> labels) =>
        string.Join(",", labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\""));
}
