using Microsoft.Extensions.Logging.Console;

namespace Mirt.Host.Observability;

/// <summary>
/// Sets up console logging the same way for the webhook host and the CLI: one line per entry on standard error,
/// either the simple text format (default) or JSON (<c>MIRT_LOG_FORMAT=json</c>, for production log collectors). Both
/// carry the current trace id: the text format as a <c>TraceId:…</c> scope, the JSON format as <c>trace_id</c>.
/// </summary>
public static class LogFormat
{
    /// <summary>Gets the environment variable that picks the format: <c>json</c>, or <c>text</c> (the default).</summary>
    public const string Variable = "MIRT_LOG_FORMAT";

    /// <summary>Replaces the console providers of <paramref name="logging"/> with the chosen format.</summary>
    /// <param name="logging">The logging builder.</param>
    /// <param name="configuration">The configuration holding <see cref="Variable"/>.</param>
    /// <returns>The logging builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Variable"/> is neither <c>json</c> nor <c>text</c>.</exception>
    public static ILoggingBuilder AddMirtConsole(this ILoggingBuilder logging, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(configuration);
        var json = IsJson(configuration[Variable]);
        logging.ClearProviders();
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        logging.AddConsole(o =>
        {
            o.LogToStandardErrorThreshold = LogLevel.Trace;
            o.FormatterName = json ? JsonLogFormatter.FormatterName : ConsoleFormatterNames.Simple;
        });
        if (json)
        {
            logging.AddConsoleFormatter<JsonLogFormatter, ConsoleFormatterOptions>();
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = true;
            });
        }

        return logging;
    }

    private static bool IsJson(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "TEXT" or "SIMPLE" => false,
        "JSON" => true,
        _ => throw new InvalidOperationException($"{Variable} is '{value}'; use 'json' for one JSON object per line or 'text' (the default) for the simple console format."),
    };
}
