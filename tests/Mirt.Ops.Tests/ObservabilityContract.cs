namespace Mirt.Ops.Tests;

/// <summary>
/// The metric names GET /metrics serves (the issue-6 contract, and the delivery metrics of issue 5): counters as
/// <c>name_total</c>, histograms as <c>name_bucket</c>, <c>name_sum</c>, <c>name_count</c>, gauges as <c>name</c>.
/// Every series has a <c>release</c> label except the gauges, which describe the whole delivery store.
/// </summary>
internal static class ObservabilityContract
{
    public static IReadOnlyList<string> Histograms { get; } =
    [
        "end_to_end_latency_ms", "checkpointer_latency_ms", "agent_step_latency_ms", "llm_latency_ms", "tool_latency_ms",
        "delivery_turn_messages",
    ];

    public static IReadOnlyList<string> Counters { get; } =
    [
        "validation_errors", "moderation_blocks", "checkpointer_errors", "llm_errors", "degraded_replies", "escalations",
        "orders", "turns", "llm_tokens", "llm_cost_usd",
        "delivery_messages", "delivery_answers", "delivery_turns", "delivery_pushes", "delivery_handoffs",
    ];

    /// <summary>Gets the process-wide gauges (<c>DeliveryTelemetry.ProcessWideGauges</c>): no <c>release</c> label.</summary>
    public static IReadOnlyList<string> Gauges { get; } =
    [
        "delivery_backlog_messages", "delivery_oldest_message_age_ms", "delivery_backlog_pushes", "delivery_oldest_push_age_ms",
        "delivery_handed_off",
    ];

    /// <summary>Every series name a scrape can hold.</summary>
    public static IReadOnlySet<string> SeriesNames { get; } = Histograms
        .SelectMany(h => new[] { h + "_bucket", h + "_sum", h + "_count" })
        .Concat(Counters.Select(c => c + "_total"))
        .Concat(Gauges)
        .ToHashSet(StringComparer.Ordinal);
}
