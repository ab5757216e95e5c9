using System.Globalization;
using System.Text;

namespace Mirt.Host.Tests;

/// <summary>Writes small Prometheus text expositions by hand, in the host's format, for the CLI's unit tests.</summary>
internal sealed class SloExposition
{
    public static readonly double[] EndToEndBounds = [250, 500, 1000, 2000, 5000, 8000, 10000, 15000, 18000, 25000, 35000, 60000];
    public static readonly double[] CheckpointerBounds = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2000, 5000];

    private readonly StringBuilder _text = new();
    private readonly HashSet<string> _typed = [];

    public override string ToString() => _text.ToString();

    /// <summary>Adds one histogram series; <paramref name="perBucket"/> maps an upper bound (or +Inf as
    /// <see cref="double.PositiveInfinity"/>) to the observations in that bucket alone.</summary>
    public SloExposition Histogram(string name, string labels, double[] bounds, IReadOnlyDictionary<double, int> perBucket)
    {
        Type(name, "histogram");
        long cumulative = 0;
        foreach (var bound in bounds.Append(double.PositiveInfinity))
        {
            cumulative += perBucket.GetValueOrDefault(bound);
            var le = double.IsPositiveInfinity(bound) ? "+Inf" : bound.ToString(CultureInfo.InvariantCulture);
            _text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"{le}\"}} {cumulative}\n");
        }

        _text.Append(CultureInfo.InvariantCulture, $"{name}_sum{{{labels}}} 0\n{name}_count{{{labels}}} {cumulative}\n");
        return this;
    }

    public SloExposition Counter(string name, string labels, double value)
    {
        Type(name, "counter");
        _text.Append(CultureInfo.InvariantCulture, $"{name}{{{labels}}} {value}\n");
        return this;
    }

    /// <summary>Adds a release's turns and an end-to-end series where every turn took about <paramref name="latency"/>.</summary>
    public SloExposition Release(string release, int automated, int escalated, int failed, IReadOnlyDictionary<double, int> latency)
    {
        Counter("turns_total", $"outcome=\"automated\",release=\"{release}\"", automated);
        Counter("turns_total", $"outcome=\"escalated\",release=\"{release}\"", escalated);
        Counter("turns_total", $"outcome=\"failed\",release=\"{release}\"", failed);
        return Histogram("end_to_end_latency_ms", $"intent=\"SIZE_HELP\",release=\"{release}\",state=\"STATE_3_SIZE_COLOR\"", EndToEndBounds, latency);
    }

    private void Type(string name, string type)
    {
        if (_typed.Add(name))
        {
            _text.Append(CultureInfo.InvariantCulture, $"# HELP {name} test\n# TYPE {name} {type}\n");
        }
    }
}
