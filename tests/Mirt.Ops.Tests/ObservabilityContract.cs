namespace Mirt.Ops.Tests;

/// <summary>
/// The metric names GET /metrics serves (the issue-6 contract): counters as <c>name_total</c>, histograms as
/// <c>name_bucket</c>, <c>name_sum</c>, <c>name_count</c>. Every series has a <c>release</c> label.
/// </summary>
internal static class ObservabilityContract
{
    public static IReadOnlyList<string> Histograms { get; } =
    [
        "end_to_end_latency_ms", "checkpointer_latency_ms", "agent_step_latency_ms", "llm_latency_ms", "tool_latency_ms",
    ];

    public static IReadOnlyList<string> Counters { get; } =
    [
        "validation_errors", "moderation_blocks", "checkpointer_errors", "llm_errors", "degraded_replies", "escalations",
        "orders", "turns", "llm_tokens", "llm_cost_usd",
    ];

    /// <summary>Every series name a scrape can hold.</summary>
    public static IReadOnlySet<string> SeriesNames { get; } = Histograms
        .SelectMany(h => new[] { h + "_bucket", h + "_sum", h + "_count" })
        .Concat(Counters.Select(c => c + "_total"))
        .ToHashSet(StringComparer.Ordinal);
}
