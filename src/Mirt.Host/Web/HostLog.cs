namespace Mirt.Host.Web;

/// <summary>
/// Writes the host's log events with stable names; customer text and names never appear here, and the free-text values
/// (rejection reasons, turn errors) pass through <see cref="PiiMasker"/> first.
/// </summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1, EventName = "no_shared_secret", Level = LogLevel.Warning,
        Message = "MIRT_MANYCHAT_TOKEN is not set: the webhook accepts requests from anyone. Set it and send it from ManyChat in the X-ManyChat-Token header.")]
    public static partial void NoSharedSecret(ILogger logger);

    [LoggerMessage(EventId = 2, EventName = "degraded_mode", Level = LogLevel.Warning,
        Message = "No LLM is configured: every reply comes from the rule-only flow (degraded mode).")]
    public static partial void DegradedAtStartup(ILogger logger);

    [LoggerMessage(EventId = 13, EventName = "llm_configured", Level = LogLevel.Information,
        Message = "LLM path on: {Llm}; an invalid or late model reply falls back to the rule-only reply (degraded_replies_total).")]
    public static partial void LlmConfigured(ILogger logger, string llm);

    [LoggerMessage(EventId = 3, EventName = "turn_degraded", Level = LogLevel.Information,
        Message = "turn thread={Thread} release={Release} state={State} phase={Phase} intent={Intent} latency_ms={LatencyMs} degraded=true reason={Reason}")]
    public static partial void TurnDegraded(ILogger logger, string thread, string release, string state, string phase, string intent, double latencyMs, string reason);

    [LoggerMessage(EventId = 12, EventName = "turn_llm", Level = LogLevel.Information,
        Message = "turn thread={Thread} release={Release} state={State} phase={Phase} intent={Intent} latency_ms={LatencyMs} degraded=false")]
    public static partial void TurnAnswered(ILogger logger, string thread, string release, string state, string phase, string intent, double latencyMs);

    [LoggerMessage(EventId = 4, EventName = "webhook_rejected", Level = LogLevel.Warning,
        Message = "webhook rejected status={Status} reason={Reason}")]
    public static partial void WebhookRejected(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 5, EventName = "store_opened", Level = LogLevel.Information,
        Message = "store={Store} prompts={Prompts}")]
    public static partial void StoreOpened(ILogger logger, string store, string prompts);

    [LoggerMessage(EventId = 6, EventName = "escalation", Level = LogLevel.Warning,
        Message = "escalation thread={Thread} level={Level} reason={Reason}")]
    public static partial void Escalation(ILogger logger, string thread, string level, string reason);

    [LoggerMessage(EventId = 40, EventName = "turn_failed", Level = LogLevel.Error,
        Message = "turn failed thread={Thread} error={Error}")]
    public static partial void TurnFailed(ILogger logger, string thread, string error);
}
