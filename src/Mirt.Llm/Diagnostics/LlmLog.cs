using Microsoft.Extensions.Logging;

namespace Mirt.Llm.Diagnostics;

/// <summary>
/// Writes the LLM path's log markers with stable event names (ids 401–406). Only <see cref="Messages"/> and
/// <see cref="Reply"/>, at Trace, carry text, and only after <see cref="LogTextMasker"/>; the other lines hold models,
/// counts, durations and exception type names, never exception messages (a provider's message may echo request details).
/// </summary>
internal static partial class LlmLog
{
    [LoggerMessage(EventId = 401, EventName = "llm_call", Level = LogLevel.Information,
        Message = "llm_call model={Model} ms={Ms} input_tokens={InputTokens} output_tokens={OutputTokens} finish={Finish} outcome={Outcome}")]
    public static partial void Call(ILogger logger, string model, double ms, long? inputTokens, long? outputTokens, string finish, string outcome);

    [LoggerMessage(EventId = 402, EventName = "llm_call_failed", Level = LogLevel.Warning,
        Message = "llm_call_failed model={Model} ms={Ms} outcome={Outcome} error={Error}")]
    public static partial void CallFailed(ILogger logger, string model, double ms, string outcome, string error);

    [LoggerMessage(EventId = 403, EventName = "llm_retry", Level = LogLevel.Information,
        Message = "llm_retry attempt={Attempt} delay_ms={DelayMs} reason={Reason} error={Error}")]
    public static partial void Retry(ILogger logger, int attempt, double delayMs, string reason, string error);

    [LoggerMessage(EventId = 404, EventName = "llm_fallback", Level = LogLevel.Warning,
        Message = "llm_fallback from={From} to={To} reason={Reason} error={Error}")]
    public static partial void Fallback(ILogger logger, string from, string to, string reason, string error);

    [LoggerMessage(EventId = 405, EventName = "llm_messages", Level = LogLevel.Trace,
        Message = "llm_messages count={Count} text={Text}")]
    public static partial void Messages(ILogger logger, int count, string text);

    [LoggerMessage(EventId = 406, EventName = "llm_reply", Level = LogLevel.Trace,
        Message = "llm_reply model={Model} text={Text}")]
    public static partial void Reply(ILogger logger, string model, string text);
}
