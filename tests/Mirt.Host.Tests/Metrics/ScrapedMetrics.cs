using System.Globalization;
using System.Text;

namespace Mirt.Host.Tests.Metrics;

/// <summary>
/// Parses a Prometheus text exposition (0.0.4) strictly and independently of the host's writer: every line must be a
/// <c># HELP</c>, a <c># TYPE</c> or a sample of a family whose TYPE came first; label values are unescaped.
/// </summary>
public sealed class ScrapedMetrics
{
    private ScrapedMetrics(Dictionary<string, string> types, Dictionary<string, string> help, List<ScrapedSample> samples)
    {
        Types = types;
        Help = help;
        Samples = samples;
    }

    /// <summary>Gets the TYPE of each family by its exposed name (counters end in _total).</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public IReadOnlyDictionary<string, string> Help { get; }

    public IReadOnlyList<ScrapedSample> Samples { get; }

    public static ScrapedMetrics Parse(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var help = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<ScrapedSample>();
        var lines = text.Split('\n');
        if (lines[^1].Length != 0)
        {
            throw new FormatException("The exposition does not end with a line feed.");
        }

        foreach (var (line, number) in lines[..^1].Select((l, i) => (l, i + 1)))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var rest = line["# HELP ".Length..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                help[rest[..space]] = rest[(space + 1)..];
            }
            else if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                types[parts[2]] = parts.Length == 4 ? parts[3] : throw new FormatException($"line {number}: {line}");
            }
            else
            {
                var sample = ParseSample(line, number);
                if (!types.ContainsKey(FamilyOf(sample.Name, types)))
                {
                    throw new FormatException($"line {number}: sample {sample.Name} comes before its # TYPE line");
                }

                samples.Add(sample);
            }
        }

        return new ScrapedMetrics(types, help, samples);
    }

    /// <summary>Gets the samples of one series name whose labels include every given pair.</summary>
    public IReadOnlyList<ScrapedSample> Find(string name, params (string Key, string Value)[] labels) =>
        [.. Samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value))];

    /// <summary>Adds up the values of <see cref="Find"/>; 0 when no series matches.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) => Find(name, labels).Sum(s => s.Value);

    private static string FamilyOf(string sample, Dictionary<string, string> types)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && types.GetValueOrDefault(sample[..^suffix.Length]) == "histogram")
            {
                return sample[..^suffix.Length];
            }
        }

        return sample;
    }

    private static ScrapedSample ParseSample(string line, int number)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        string name;
        int valueAt;
        if (brace >= 0 && brace < space)
        {
            name = line[..brace];
            var i = brace + 1;
            while (line[i] != '}')
            {
                var eq = line.IndexOf('=', i);
                var key = line[i..eq];
                if (line[eq + 1] != '"')
                {
                    throw new FormatException($"line {number}: label {key} is not quoted");
                }

                var value = new StringBuilder();
                var j = eq + 2;
                for (; line[j] != '"'; j++)
                {
                    if (line[j] == '\\')
                    {
                        j++;
                        value.Append(line[j] switch { 'n' => '\n', '\\' => '\\', '"' => '"', _ => throw new FormatException($"line {number}: bad escape") });
                    }
                    else
                    {
                        value.Append(line[j]);
                    }
                }

                labels.Add(key, value.ToString());
                i = j + 1;
                if (line[i] == ',')
                {
                    i++;
                }
            }

            valueAt = i + 2;
        }
        else
        {
            name = line[..space];
            valueAt = space + 1;
        }

        var text = line[valueAt..];
        var parsed = text switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new ScrapedSample(name, labels, parsed);
    }
}

/// <summary>One sample line.</summary>
public sealed record ScrapedSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>Gets the labels except <c>le</c>, as one key identifying the series a bucket belongs to.</summary>
    public string SeriesKey => string.Join(",", Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
