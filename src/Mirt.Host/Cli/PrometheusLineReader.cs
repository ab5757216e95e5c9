using System.Globalization;
using System.Text;

namespace Mirt.Host.Cli;

/// <summary>
/// Reads one sample line of the Prometheus text format left to right: name, optional labels, value, optional
/// timestamp; anything else is a <see cref="PrometheusFormatException"/> naming the line and column.
/// </summary>
internal sealed class PrometheusLineReader(string line, int number)
{
    private int _at;

    public static bool IsMetricName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] is '_' or ':') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':');

    public PrometheusSample ReadSample()
    {
        var name = ReadWhile(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':');
        if (!IsMetricName(name))
        {
            throw PrometheusTextParser.Error(number, $"does not start with a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*): '{Truncate(line)}'");
        }

        SkipBlanks();
        var labels = Peek() == '{' ? ReadLabels() : new Dictionary<string, string>(StringComparer.Ordinal);
        SkipBlanks();
        var value = ParseValue(ReadToken("value"));
        SkipBlanks();
        if (_at < line.Length)
        {
            var timestamp = ReadToken("timestamp");
            if (!long.TryParse(timestamp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                throw PrometheusTextParser.Error(number, $"has '{timestamp}' where an integer timestamp in milliseconds or the end of the line belongs");
            }

            SkipBlanks();
            if (_at < line.Length)
            {
                throw PrometheusTextParser.Error(number, $"has text after the timestamp: '{Truncate(line[_at..])}'");
            }
        }

        return new PrometheusSample(name, labels, value);
    }

    private Dictionary<string, string> ReadLabels()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        _at++; // '{'
        SkipBlanks();
        while (Peek() != '}')
        {
            var name = ReadWhile(c => char.IsAsciiLetterOrDigit(c) || c == '_');
            if (name.Length == 0 || char.IsAsciiDigit(name[0]) || name.StartsWith("__", StringComparison.Ordinal))
            {
                throw PrometheusTextParser.Error(number, $"has an invalid label name at column {_at + 1} (a name is [a-zA-Z_][a-zA-Z0-9_]*, not starting with __)");
            }

            SkipBlanks();
            Expect('=');
            SkipBlanks();
            Expect('"');
            var value = ReadLabelValue();
            if (!labels.TryAdd(name, value))
            {
                throw PrometheusTextParser.Error(number, $"repeats the label '{name}'");
            }

            SkipBlanks();
            if (Peek() == ',')
            {
                _at++;
                SkipBlanks();
            }
            else if (Peek() != '}')
            {
                throw PrometheusTextParser.Error(number, $"expects ',' or '}}' at column {_at + 1}");
            }
        }

        _at++; // '}'
        return labels;
    }

    private string ReadLabelValue()
    {
        var value = new StringBuilder();
        while (true)
        {
            var c = _at < line.Length ? line[_at++] : throw PrometheusTextParser.Error(number, "ends inside a label value; close it with '\"'");
            if (c == '"')
            {
                return value.ToString();
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            var escaped = _at < line.Length ? line[_at++] : '\0';
            value.Append(escaped switch
            {
                '\\' => '\\',
                '"' => '"',
                'n' => '\n',
                _ => throw PrometheusTextParser.Error(number, $"has the escape '\\{escaped}' in a label value; only \\\\, \\\" and \\n are allowed"),
            });
        }
    }

    private double ParseValue(string token) => token switch
    {
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when token.All(c => char.IsAsciiDigit(c) || c is '.' or '+' or '-' or 'e' or 'E')
            && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw PrometheusTextParser.Error(number, $"has '{token}' where a number, +Inf, -Inf or NaN belongs"),
    };

    private string ReadToken(string what)
    {
        var token = ReadWhile(c => c is not (' ' or '\t'));
        return token.Length > 0 ? token : throw PrometheusTextParser.Error(number, $"has no {what} at column {_at + 1}");
    }

    private string ReadWhile(Func<char, bool> accept)
    {
        var start = _at;
        while (_at < line.Length && accept(line[_at]))
        {
            _at++;
        }

        return line[start.._at];
    }

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw PrometheusTextParser.Error(number, $"expects '{expected}' at column {_at + 1}");
        }

        _at++;
    }

    private char Peek() => _at < line.Length ? line[_at] : '\0';

    private void SkipBlanks() => ReadWhile(c => c is ' ' or '\t');

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
