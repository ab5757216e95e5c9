using Mirt.Nodes.Abstractions.State;

namespace Mirt.Sales.Assistant;

/// <summary>
/// Reports the outcome of one turn: the bubbles to send and where the conversation now waits.
/// </summary>
/// <param name="ThreadId">The conversation.</param>
/// <param name="Replies">The reply bubbles, each at most 900 UTF-8 bytes.</param>
/// <param name="State">The conversation state, for example <c>STATE_3_SIZE_COLOR</c>.</param>
/// <param name="Phase">The dialog phase, for example <c>WAITING_FOR_COLOR</c>.</param>
/// <param name="Intent">The intent detected in the message.</param>
/// <param name="Products">The products shown or sold in this turn, with catalog prices.</param>
/// <param name="Escalation">The escalation raised in this turn, or <see langword="null"/>.</param>
/// <param name="Degraded">Tells whether the reply is the rule-only draft (no LLM, or the model failed this turn; see
/// <paramref name="DegradedReason"/>).</param>
/// <param name="LatencyMs">The time the turn took, in milliseconds.</param>
/// <param name="Path">The graph nodes the turn ran, in order.</param>
/// <param name="Templates">The templates rendered: the rule draft's in bubble order, then, when the model's reply was
/// used, the <c>llm/</c> templates of its prompt.</param>
/// <param name="Order">The conversation's order, once created.</param>
/// <param name="Release">The release that served the turn: <c>stable</c> or <c>canary</c>.</param>
/// <param name="DegradedReason">Why the reply is the rule-only draft (<c>no_llm</c>, <c>timeout</c>, <c>llm_error</c>,
/// <c>invalid_reply</c>; see <see cref="DegradedReasons"/>), or <see langword="null"/> when the model's reply was used or
/// the turn's answer is canned on purpose.</param>
public sealed record AssistantReply(
    string ThreadId,
    IReadOnlyList<string> Replies,
    string State,
    string Phase,
    string Intent,
    IReadOnlyList<ProductLine> Products,
    Escalation? Escalation,
    bool Degraded,
    double LatencyMs,
    IReadOnlyList<string> Path,
    IReadOnlyList<string> Templates,
    OrderRecord? Order,
    string Release = Mirt.Graph.Diagnostics.TelemetryContext.StableRelease,
    string? DegradedReason = null);
