using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Mirt.Host.Observability;

/// <summary>
/// Writes each log entry as one JSON object per line (<c>MIRT_LOG_FORMAT=json</c>):
/// <c>{"time","level","category","event","message","trace_id","span_id",…}</c> followed by the entry's own fields in
/// snake_case (<c>node</c>, <c>ms</c>, <c>operation</c>, <c>bytes</c>…), numbers as JSON numbers.
/// </summary>
/// <remarks><c>trace_id</c> and <c>span_id</c> come from the current span and are left out when there is none
/// (start-up lines). An exception is written as <c>exception</c> (type, message and stack). Thread-safe.</remarks>
internal sealed class JsonLogFormatter : ConsoleFormatter
{
    /// <summary>Gets the formatter's registered name.</summary>
    public const string FormatterName = "mirt-json";

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "time", "level", "category", "event", "event_id", "message", "trace_id", "span_id", "exception",
    };

    private readonly TimeProvider _time;

    public JsonLogFormatter()
        : this(TimeProvider.System)
    {
    }

    public JsonLogFormatter(TimeProvider time)
        : base(FormatterName) => _time = time;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("time", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("level", LevelName(logEntry.LogLevel));
            json.WriteString("category", logEntry.Category);
            if (logEntry.EventId.Name is { } eventName)
            {
                json.WriteString("event", eventName);
            }

            json.WriteNumber("event_id", logEntry.EventId.Id);
            json.WriteString("message", message ?? string.Empty);
            if (Activity.Current is { } span)
            {
                json.WriteString("trace_id", span.TraceId.ToHexString());
                json.WriteString("span_id", span.SpanId.ToHexString());
            }

            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                WriteFields(json, fields);
            }

            if (logEntry.Exception is { } exception)
            {
                json.WriteString("exception", exception.ToString());
            }

            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        textWriter.Write('\n');
    }

    /// <summary>Turns a template hole name into a JSON field name: <c>LatencyMs</c> becomes <c>latency_ms</c>.</summary>
    internal static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static void WriteFields(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        foreach (var (key, value) in fields)
        {
            if (key == "{OriginalFormat}")
            {
                continue;
            }

            var name = SnakeCase(key);
            name = Reserved.Contains(name) ? "field_" + name : name;
            switch (value)
            {
                case null:
                    json.WriteNull(name);
                    break;
                case bool flag:
                    json.WriteBoolean(name, flag);
                    break;
                case int or long or short or byte or uint or ulong or ushort or sbyte:
                    json.WriteNumber(name, System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case double number when double.IsFinite(number):
                    json.WriteNumber(name, number);
                    break;
                case float number when float.IsFinite(number):
                    json.WriteNumber(name, number);
                    break;
                case decimal number:
                    json.WriteNumber(name, number);
                    break;
                default:
                    json.WriteString(name, System.Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        _ => "none",
    };
}
