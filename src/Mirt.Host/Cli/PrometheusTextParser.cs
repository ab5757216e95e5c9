using System.Globalization;
using System.Text;

namespace Mirt.Host.Cli;

/// <summary>
/// Parses the Prometheus text exposition format (version 0.0.4) strictly: any line the format does not allow is an
/// error naming the line, because a CLI that decides PROMOTE or ROLLBACK must not guess at half-read numbers.
/// </summary>
/// <remarks>Accepts <c># HELP</c>, <c># TYPE</c>, other comments, blank lines and samples
/// <c>name{label="value",...} value [timestamp]</c>; label values unescape <c>\\</c>, <c>\"</c> and <c>\n</c>.
/// Rejects carriage returns, malformed names, unknown escapes, duplicate labels, duplicate series, a second HELP or
/// TYPE for one metric and a TYPE after the metric's samples. Histogram series are checked by
/// <see cref="PrometheusScrape"/>. Stateless and thread-safe.</remarks>
internal static class PrometheusTextParser
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static PrometheusScrape Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<PrometheusSample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helps = new HashSet<string>(StringComparer.Ordinal);
        var sampleNames = new HashSet<string>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.Contains('\r', StringComparison.Ordinal))
            {
                throw Error(number, "contains a carriage return; the text format separates lines with \\n only");
            }

            if (line.Trim(' ', '\t').Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                ReadComment(line, number, types, helps, sampleNames);
                continue;
            }

            var sample = new PrometheusLineReader(line, number).ReadSample();
            if (!series.Add(SeriesKey(sample)))
            {
                throw Error(number, $"repeats the series {SeriesKey(sample)}; each series may appear once per scrape");
            }

            sampleNames.Add(sample.Name);
            samples.Add(sample);
        }

        return new PrometheusScrape(samples, types);
    }

    internal static PrometheusFormatException Error(int line, string problem) =>
        new($"Line {line} of the metrics text {problem}.");

    private static void ReadComment(string line, int number, Dictionary<string, string> types, HashSet<string> helps, HashSet<string> sampleNames)
    {
        var parts = line.Split([' ', '\t'], 4, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] != "#" || parts[1] is not ("HELP" or "TYPE"))
        {
            return; // a plain comment
        }

        if (parts.Length < 3 || !PrometheusLineReader.IsMetricName(parts[2]))
        {
            throw Error(number, $"has a {parts[1]} line without a valid metric name");
        }

        var name = parts[2];
        if (parts[1] == "HELP")
        {
            if (!helps.Add(name))
            {
                throw Error(number, $"repeats the HELP of '{name}'");
            }

            return;
        }

        if (parts.Length != 4 || Array.IndexOf(Types, parts[3].TrimEnd(' ', '\t')) < 0)
        {
            throw Error(number, $"gives '{name}' a type other than {string.Join(", ", Types)}");
        }

        if (!types.TryAdd(name, parts[3].TrimEnd(' ', '\t')))
        {
            throw Error(number, $"repeats the TYPE of '{name}'");
        }

        if (new[] { name, name + "_bucket", name + "_sum", name + "_count" }.Any(sampleNames.Contains))
        {
            throw Error(number, $"declares the TYPE of '{name}' after its samples; TYPE must come first");
        }
    }

    private static string SeriesKey(PrometheusSample sample)
    {
        var key = new StringBuilder(sample.Name).Append('{');
        foreach (var (name, value) in sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            key.Append(name).Append("=\"").Append(value).Append("\",");
        }

        return key.Append('}').ToString();
    }
}
