using Mirt.Graph.Diagnostics;
using Mirt.Llm.Diagnostics;

namespace Mirt.Host.Observability;

/// <summary>
/// Holds the bucket boundaries (ms) of every latency histogram, chosen so each SLO threshold is a bucket edge: the
/// end-to-end p95 &lt; 10 s / p99 &lt; 18 s, checkpointer p95 &lt; 1 s / p99 &lt; 2 s, LLM p95 &lt; 5 s / p99 &lt; 10 s,
/// vision p95 &lt; 35 s. Alert rules and dashboards read quantiles from these buckets, so change them together.
/// </summary>
public static class HistogramBuckets
{
    /// <summary>Gets the boundaries of <c>end_to_end_latency_ms</c>.</summary>
    public static IReadOnlyList<double> EndToEnd { get; } = [250, 500, 1000, 2000, 5000, 8000, 10000, 15000, 18000, 25000, 35000, 60000];

    /// <summary>Gets the boundaries of <c>llm_latency_ms</c>.</summary>
    public static IReadOnlyList<double> Llm { get; } = [250, 500, 1000, 2000, 3000, 5000, 7500, 10000, 20000];

    /// <summary>Gets the boundaries of <c>checkpointer_latency_ms</c>.</summary>
    public static IReadOnlyList<double> Checkpointer { get; } = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2000, 5000];

    /// <summary>Gets the boundaries of <c>agent_step_latency_ms</c> and <c>tool_latency_ms</c>.</summary>
    public static IReadOnlyList<double> StepAndTool { get; } = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    /// <summary>Gets the boundaries by instrument name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<double>> ByInstrument { get; } = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
    {
        [HostTelemetry.EndToEndLatency] = EndToEnd,
        [LlmTelemetry.LlmLatency] = Llm,
        [GraphTelemetry.CheckpointerLatency] = Checkpointer,
        [GraphTelemetry.AgentStepLatency] = StepAndTool,
        [LlmTelemetry.ToolLatency] = StepAndTool,
    };
}
