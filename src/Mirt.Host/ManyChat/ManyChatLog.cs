namespace Mirt.Host.ManyChat;

/// <summary>
/// Logs ManyChat public-API calls: endpoint, outcome, error code, latency. Never the API key, never message text or
/// ManyChat's error message (it may quote content), and the subscriber only as a hash
/// (<see cref="Mirt.Graph.Diagnostics.ThreadIdMask"/>, the same hash the turn spans carry).
/// </summary>
internal static partial class ManyChatLog
{
    [LoggerMessage(EventId = 801, EventName = "manychat_call",
        Message = "manychat_call endpoint={Endpoint} subscriber={Subscriber} outcome={Outcome} code={Code} http={Http} latency_ms={LatencyMs} waited_ms={WaitedMs} attempts={Attempts} extras_dropped={ExtrasDropped}")]
    public static partial void Call(ILogger logger, LogLevel level, string endpoint, string subscriber, ManyChatOutcome outcome, int? code, int? http, double latencyMs, double waitedMs, int attempts, bool extrasDropped);

    [LoggerMessage(EventId = 802, EventName = "manychat_extras_refused", Level = LogLevel.Information,
        Message = "manychat_extras_refused subscriber={Subscriber} outcome={Outcome} code={Code}: resending the messages once without actions and quick replies")]
    public static partial void ExtrasRefused(ILogger logger, string subscriber, ManyChatOutcome outcome, int? code);

    [LoggerMessage(EventId = 803, EventName = "manychat_rate_limited_retry", Level = LogLevel.Debug,
        Message = "manychat_rate_limited_retry endpoint={Endpoint} subscriber={Subscriber} attempt={Attempt}")]
    public static partial void RateLimitedRetry(ILogger logger, string endpoint, string subscriber, int attempt);
}
