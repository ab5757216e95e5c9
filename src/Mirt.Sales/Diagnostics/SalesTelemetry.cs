using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mirt.Graph.Diagnostics;

namespace Mirt.Sales.Diagnostics;

/// <summary>
/// Names the meter, activity source and turn-level instruments of the sales assistant: how turns end, escalations,
/// orders, degraded replies, moderation blocks and validation errors. Counters are exposed with a <c>_total</c> suffix.
/// </summary>
/// <remarks>Every measurement carries <see cref="TelemetryTags.Release"/> from <see cref="TelemetryContext.Release"/>.
/// The LLM instruments have their own meter, <c>Mirt.Llm</c> (<c>Mirt.Llm.Diagnostics.LlmTelemetry</c>). Thread-safe.</remarks>
public static class SalesTelemetry
{
    /// <summary>Gets the meter name (the assembly name).</summary>
    public const string MeterName = "Mirt.Sales";

    /// <summary>Gets the activity source name (the assembly name); it starts one <c>turn</c> span per customer message.</summary>
    public const string ActivitySourceName = "Mirt.Sales";

    /// <summary>Gets the span name of one turn.</summary>
    public const string TurnSpan = "turn";

    /// <summary>Gets the counter of finished turns; labels <c>outcome</c> (see <see cref="TurnOutcomes"/>), <c>release</c>.</summary>
    public const string Turns = "turns";

    /// <summary>Gets the counter of escalations raised (handoffs and notifications alike); labels <c>reason</c>, <c>release</c>.</summary>
    public const string Escalations = "escalations";

    /// <summary>Gets the counter of orders created; label <c>release</c>.</summary>
    public const string Orders = "orders";

    /// <summary>Gets the counter of replies that came from the rule-only flow; labels <c>reason</c> (<c>no_llm</c>,
    /// <c>timeout</c>, <c>llm_error</c>, <c>invalid_reply</c>), <c>release</c>.</summary>
    public const string DegradedReplies = "degraded_replies";

    /// <summary>Gets the counter of customer messages moderation blocked; label <c>release</c>.</summary>
    public const string ModerationBlocks = "moderation_blocks";

    /// <summary>Gets the counter of node outputs that failed validation (a conversation-state move the sales state
    /// machine forbids, and model answers the structured-reply validator rejects); label <c>release</c>.</summary>
    public const string ValidationErrors = "validation_errors";

    internal static readonly Meter Meter = new(MeterName);

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    internal static readonly Counter<long> TurnCount = Meter.CreateCounter<long>(
        Turns, "{turn}", "Customer turns by outcome: automated, escalated (handed to a human) or failed.");

    internal static readonly Counter<long> EscalationCount = Meter.CreateCounter<long>(
        Escalations, "{escalation}", "Escalations to a human manager by reason (handoffs and notifications).");

    internal static readonly Counter<long> OrderCount = Meter.CreateCounter<long>(
        Orders, "{order}", "Orders created.");

    internal static readonly Counter<long> DegradedCount = Meter.CreateCounter<long>(
        DegradedReplies, "{reply}", "Replies that came from the rule-only flow, by reason: no LLM configured, timeout, LLM error or invalid reply.");

    internal static readonly Counter<long> ModerationCount = Meter.CreateCounter<long>(
        ModerationBlocks, "{message}", "Customer messages blocked by moderation.");

    internal static readonly Counter<long> ValidationCount = Meter.CreateCounter<long>(
        ValidationErrors, "{error}", "Node outputs that failed validation.");


    /// <summary>Counts one validation error in the current release.</summary>
    internal static void CountValidationError() => ValidationCount.Add(1, TelemetryContext.ReleaseTag);

    /// <summary>Counts model answers that failed validation in the current release; nothing when <paramref name="count"/> is 0.</summary>
    internal static void CountValidationErrors(int count)
    {
        if (count > 0)
        {
            ValidationCount.Add(count, TelemetryContext.ReleaseTag);
        }
    }
}
