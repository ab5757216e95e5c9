using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mirt.Graph.Diagnostics;

/// <summary>
/// Names the meter, activity source and instruments of the graph runtime. Instruments record through
/// <c>System.Diagnostics.Metrics</c>; nothing is aggregated unless a listener (the host's OpenTelemetry pipeline, a
/// test's <see cref="MeterListener"/>) subscribes to <see cref="MeterName"/>.
/// </summary>
/// <remarks>Every measurement carries <see cref="TelemetryTags.Release"/> from <see cref="TelemetryContext.Release"/>.
/// Thread-safe.</remarks>
public static class GraphTelemetry
{
    /// <summary>Gets the meter name (the assembly name).</summary>
    public const string MeterName = "Mirt.Graph";

    /// <summary>Gets the activity source name (the assembly name); it starts one <c>agent_step</c> span per node step.</summary>
    public const string ActivitySourceName = "Mirt.Graph";

    /// <summary>Gets the histogram of node step durations in milliseconds, retries and waits included; labels
    /// <c>node</c>, <c>release</c>.</summary>
    public const string AgentStepLatency = "agent_step_latency_ms";

    /// <summary>Gets the histogram of checkpoint store call durations in milliseconds; labels <c>operation</c>
    /// (see <see cref="CheckpointOperations"/>), <c>release</c>.</summary>
    public const string CheckpointerLatency = "checkpointer_latency_ms";

    /// <summary>Gets the counter of checkpoint store calls that threw (conflicts and cancellations excluded); labels
    /// <c>operation</c>, <c>release</c>.</summary>
    public const string CheckpointerErrors = "checkpointer_errors";

    /// <summary>Gets the span name of one node step.</summary>
    public const string AgentStepSpan = "agent_step";

    internal static readonly Meter Meter = new(MeterName);

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    internal static readonly Histogram<double> StepLatency = Meter.CreateHistogram<double>(
        AgentStepLatency, "ms", "Duration of one graph node step, retries and waits included.");

    internal static readonly Histogram<double> StoreLatency = Meter.CreateHistogram<double>(
        CheckpointerLatency, "ms", "Duration of one checkpoint store call.");

    internal static readonly Counter<long> StoreErrors = Meter.CreateCounter<long>(
        CheckpointerErrors, "{error}", "Checkpoint store calls that failed (write conflicts and cancellations excluded).");

}
