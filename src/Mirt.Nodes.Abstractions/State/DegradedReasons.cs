namespace Mirt.Nodes.Abstractions.State;

/// <summary>
/// Names why a turn's reply is the rule-only draft (the <c>reason</c> label of <c>degraded_replies_total</c> and the
/// value of <see cref="SalesKeys.DegradedReason"/>). Degraded mode is the only fallback of the LLM path, and it is
/// always explicit: a flag on the reply, a log line and this metric label.
/// </summary>
public static class DegradedReasons
{
    /// <summary>Gets the reason when no chat client is configured.</summary>
    public const string NoLlm = "no_llm";

    /// <summary>Gets the reason when the model did not answer within its deadline.</summary>
    public const string Timeout = "timeout";

    /// <summary>Gets the reason when the chat client threw (unavailable, refused, broken answer transport).</summary>
    public const string LlmError = "llm_error";

    /// <summary>Gets the reason when the model's answer, and its one repair, failed validation.</summary>
    public const string InvalidReply = "invalid_reply";

    /// <summary>Gets every reason above.</summary>
    public static IReadOnlyList<string> All { get; } = [NoLlm, Timeout, LlmError, InvalidReply];
}
