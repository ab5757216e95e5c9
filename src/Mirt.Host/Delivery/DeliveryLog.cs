namespace Mirt.Host.Delivery;

/// <summary>
/// Writes the delivery events (inbox, turns, outbox, handoff, follow-ups, shutdown) with stable names. Subscriber ids
/// are ManyChat contact ids, not personal data; customer text, photo URLs and API keys never appear.
/// </summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 60, EventName = "delivery_started", Level = LogLevel.Information,
        Message = "delivery mode={Mode} owner={Owner} store={Store} deadline_ms={DeadlineMs} debounce_ms={DebounceMs} push={Push} vision_budget_ms={VisionBudgetMs}")]
    public static partial void Started(ILogger logger, ReplyMode mode, string owner, string store, double deadlineMs, double debounceMs, bool push, double visionBudgetMs);

    [LoggerMessage(EventId = 61, EventName = "push_unavailable", Level = LogLevel.Warning,
        Message = "MIRT_REPLY_MODE is hybrid but MIRT_MANYCHAT_API_KEY is not set: replies go only inline (response mode); a turn slower than ManyChat's ~10 s is not delivered.")]
    public static partial void PushUnavailable(ILogger logger);

    [LoggerMessage(EventId = 62, EventName = "message_duplicate", Level = LogLevel.Information,
        Message = "re-delivered webhook thread={Thread} original={Original}: answering the original answer")]
    public static partial void Duplicate(ILogger logger, string thread, long original);

    [LoggerMessage(EventId = 63, EventName = "message_held", Level = LogLevel.Information,
        Message = "message held thread={Thread} id={Id}: a human has this conversation")]
    public static partial void Held(ILogger logger, string thread, long id);

    [LoggerMessage(EventId = 64, EventName = "turn_claimed", Level = LogLevel.Debug,
        Message = "turn claimed thread={Thread} turn={Turn} messages={Messages} resumed={Resumed}")]
    public static partial void TurnClaimed(ILogger logger, string thread, string turn, int messages, bool resumed);

    [LoggerMessage(EventId = 65, EventName = "turn_resumed", Level = LogLevel.Warning,
        Message = "resuming turn thread={Thread} turn={Turn}: its previous owner stopped before finishing it")]
    public static partial void TurnResumed(ILogger logger, string thread, string turn);

    [LoggerMessage(EventId = 66, EventName = "turn_attempt_failed", Level = LogLevel.Error,
        Message = "turn attempt failed thread={Thread} turn={Turn} attempt={Attempt} of {Attempts} error={Error}")]
    public static partial void TurnAttemptFailed(ILogger logger, string thread, string turn, int attempt, int attempts, string error);

    [LoggerMessage(EventId = 67, EventName = "turn_given_up", Level = LogLevel.Error,
        Message = "turn given up thread={Thread} turn={Turn} after {Attempts} attempts: apology sent, a manager takes over")]
    public static partial void TurnGivenUp(ILogger logger, string thread, string turn, int attempts);

    [LoggerMessage(EventId = 68, EventName = "turn_lease_lost", Level = LogLevel.Warning,
        Message = "turn lease lost thread={Thread} turn={Turn}: another replica may resume it; the outbox keys keep the reply single")]
    public static partial void LeaseLost(ILogger logger, string thread, string turn);

    [LoggerMessage(EventId = 69, EventName = "answer_ack", Level = LogLevel.Information,
        Message = "deadline passed thread={Thread} id={Id} after {WaitedMs} ms: acknowledgement answered, the reply will be pushed")]
    public static partial void Acknowledged(ILogger logger, string thread, long id, double waitedMs);

    [LoggerMessage(EventId = 70, EventName = "push_sent", Level = LogLevel.Debug,
        Message = "pushed thread={Thread} kind={Kind} key={Key} attempts={Attempts}")]
    public static partial void PushSent(ILogger logger, string thread, string kind, string key, int attempts);

    [LoggerMessage(EventId = 71, EventName = "push_failed", Level = LogLevel.Error,
        Message = "push failed for good thread={Thread} kind={Kind} key={Key} reason={Reason}: a human must reach the customer")]
    public static partial void PushFailed(ILogger logger, string thread, string kind, string key, string reason);

    [LoggerMessage(EventId = 72, EventName = "push_uncertain", Level = LogLevel.Error,
        Message = "push uncertain thread={Thread} kind={Kind} key={Key}: it may or may not have arrived and is not resent; check the conversation in ManyChat")]
    public static partial void PushUncertain(ILogger logger, string thread, string kind, string key);

    [LoggerMessage(EventId = 73, EventName = "push_retry", Level = LogLevel.Warning,
        Message = "push retry thread={Thread} key={Key} reason={Reason} in {DelayMs} ms")]
    public static partial void PushRetry(ILogger logger, string thread, string key, string reason, double delayMs);

    [LoggerMessage(EventId = 74, EventName = "handoff_started", Level = LogLevel.Warning,
        Message = "handoff thread={Thread} reason={Reason}: the bot stops answering until POST /conversations/{Thread}/release")]
    public static partial void HandoffStarted(ILogger logger, string thread, string reason);

    [LoggerMessage(EventId = 75, EventName = "handoff_released", Level = LogLevel.Information,
        Message = "handoff released thread={Thread}: the bot answers again")]
    public static partial void HandoffReleased(ILogger logger, string thread);

    [LoggerMessage(EventId = 76, EventName = "manychat_tagging_failed", Level = LogLevel.Warning,
        Message = "could not mark thread={Thread} in ManyChat ({What}): {Outcome}; the escalation is in this log and in the store")]
    public static partial void TaggingFailed(ILogger logger, string thread, string what, string outcome);

    [LoggerMessage(EventId = 77, EventName = "followup_queued", Level = LogLevel.Information,
        Message = "follow-up queued thread={Thread} state={State} silent_min={SilentMinutes}")]
    public static partial void FollowUpQueued(ILogger logger, string thread, string state, double silentMinutes);

    [LoggerMessage(EventId = 78, EventName = "shutdown_draining", Level = LogLevel.Information,
        Message = "shutdown: readiness is false; waiting {DrainMs} ms before the server stops taking requests")]
    public static partial void Draining(ILogger logger, double drainMs);

    [LoggerMessage(EventId = 79, EventName = "shutdown_finished", Level = LogLevel.Information,
        Message = "shutdown: turns finished={Finished} left_for_resume={Left}, pushes flushed={Flushed} left={PushesLeft}")]
    public static partial void ShutdownFinished(ILogger logger, int finished, int left, int flushed, long pushesLeft);

    [LoggerMessage(EventId = 80, EventName = "delivery_loop_failed", Level = LogLevel.Error,
        Message = "delivery loop {Loop} failed and retries in {DelayMs} ms: {Error}")]
    public static partial void LoopFailed(ILogger logger, string loop, double delayMs, string error);
}
