using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Mirt.Graph.Diagnostics;

namespace Mirt.Llm.Diagnostics;

/// <summary>
/// Names the meter of the LLM path and declares its instruments: call latency, errors, tokens, cost and tool
/// latency. <see cref="MetricsChatClient"/> records every call through <see cref="RecordCall"/>,
/// <see cref="RecordError"/> and <see cref="RecordUsage"/>; whoever executes a tool the model asked for calls
/// <see cref="RecordTool"/>.
/// </summary>
/// <remarks>The metric names and labels are a contract with <c>ops/prometheus/alerts.yml</c> and the Grafana
/// dashboard; do not rename them. Every measurement carries <see cref="TelemetryTags.Release"/>. A metric appears on
/// <c>/metrics</c> only after its first measurement; the host subscribes to <see cref="MeterName"/>. Thread-safe.</remarks>
public static partial class LlmTelemetry
{
    /// <summary>Gets the meter name (the assembly name).</summary>
    public const string MeterName = "Mirt.Llm";

    /// <summary>Gets the histogram of LLM call durations in milliseconds; labels <c>state</c>, <c>intent</c>, <c>model</c>, <c>release</c>.</summary>
    public const string LlmLatency = "llm_latency_ms";

    /// <summary>Gets the histogram of tool execution durations in milliseconds; labels <c>tool</c>, <c>release</c>.</summary>
    public const string ToolLatency = "tool_latency_ms";

    /// <summary>Gets the counter of failed LLM calls; labels <c>model</c>, <c>release</c>.</summary>
    public const string LlmErrors = "llm_errors";

    /// <summary>Gets the counter of LLM tokens; labels <c>direction</c> (<c>input</c> or <c>output</c>), <c>model</c>, <c>release</c>.</summary>
    public const string LlmTokens = "llm_tokens";

    /// <summary>Gets the counter of LLM spend in US dollars; labels <c>model</c>, <c>release</c>.</summary>
    public const string LlmCostUsd = "llm_cost_usd";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> CallLatency = Meter.CreateHistogram<double>(
        LlmLatency, "ms", "Duration of one LLM call.");

    private static readonly Histogram<double> ToolDuration = Meter.CreateHistogram<double>(
        ToolLatency, "ms", "Duration of one tool execution requested by the LLM.");

    private static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        LlmErrors, "{error}", "LLM calls that failed.");

    private static readonly Counter<long> Tokens = Meter.CreateCounter<long>(
        LlmTokens, "{token}", "LLM tokens sent (input) and received (output).");

    private static readonly Counter<double> Cost = Meter.CreateCounter<double>(
        LlmCostUsd, "USD", "LLM spend in US dollars.");

    /// <summary>Records one LLM call's duration.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="state">The conversation state the call served.</param>
    /// <param name="intent">The intent the call served.</param>
    /// <param name="milliseconds">The duration in milliseconds (0 or more).</param>
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="milliseconds"/> is negative.</exception>
    public static void RecordCall(string model, string state, string intent, double milliseconds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(intent);
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        CallLatency.Record(
            milliseconds,
            new KeyValuePair<string, object?>(TelemetryTags.State, state),
            new KeyValuePair<string, object?>(TelemetryTags.Intent, intent),
            new KeyValuePair<string, object?>(TelemetryTags.Model, model),
            TelemetryContext.ReleaseTag);
    }

    /// <summary>Counts one failed LLM call.</summary>
    /// <param name="model">The model name.</param>
    /// <exception cref="ArgumentException"><paramref name="model"/> is empty.</exception>
    public static void RecordError(string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        Errors.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Model, model), TelemetryContext.ReleaseTag);
    }

    /// <summary>Counts the tokens of one LLM call and adds its cost.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="inputTokens">The tokens sent (0 or more).</param>
    /// <param name="outputTokens">The tokens received (0 or more).</param>
    /// <param name="costUsd">The call's price in US dollars (0 or more).</param>
    /// <exception cref="ArgumentException"><paramref name="model"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or the cost is negative.</exception>
    public static void RecordUsage(string model, long inputTokens, long outputTokens, double costUsd)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentOutOfRangeException.ThrowIfNegative(inputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(outputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(costUsd);
        var modelTag = new KeyValuePair<string, object?>(TelemetryTags.Model, model);
        Tokens.Add(inputTokens, new KeyValuePair<string, object?>(TelemetryTags.Direction, "input"), modelTag, TelemetryContext.ReleaseTag);
        Tokens.Add(outputTokens, new KeyValuePair<string, object?>(TelemetryTags.Direction, "output"), modelTag, TelemetryContext.ReleaseTag);
        Cost.Add(costUsd, modelTag, TelemetryContext.ReleaseTag);
    }

    /// <summary>Records one tool execution: its duration in <c>tool_latency_ms</c> and a <c>tool_execution</c> log line.</summary>
    /// <param name="tool">The tool name.</param>
    /// <param name="milliseconds">The duration in milliseconds (0 or more).</param>
    /// <param name="succeeded">Tells whether the tool returned a result.</param>
    /// <param name="logger">Receives the log line.</param>
    /// <exception cref="ArgumentException"><paramref name="tool"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="milliseconds"/> is negative.</exception>
    public static void RecordTool(string tool, double milliseconds, bool succeeded, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tool);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        ToolDuration.Record(milliseconds, new KeyValuePair<string, object?>(TelemetryTags.Tool, tool), TelemetryContext.ReleaseTag);
        var rounded = Math.Round(milliseconds, 1);
        ToolExecution(logger, tool, rounded, succeeded);
    }

    [LoggerMessage(EventId = 201, EventName = "tool_execution", Level = LogLevel.Information,
        Message = "tool_execution tool={Tool} ms={Ms} ok={Ok}")]
    private static partial void ToolExecution(ILogger logger, string tool, double ms, bool ok);
}
