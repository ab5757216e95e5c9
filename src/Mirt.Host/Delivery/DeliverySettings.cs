namespace Mirt.Host.Delivery;

/// <summary>
/// Reads how the host delivers replies: the reply mode, the deadlines, debounce, deduplication, leases, bubbles,
/// follow-ups, shutdown and handoff (<c>MIRT_*</c>; every one with its default in docs/OPERATIONS.md).
/// </summary>
public sealed record DeliverySettings
{
    /// <summary>Gets the latest inline deadline accepted: ManyChat gives a Dynamic Block about 10 s (MANYCHAT.md).</summary>
    public static readonly TimeSpan MaxInlineDeadline = TimeSpan.FromMilliseconds(9_500);

    /// <summary>Gets Instagram's messaging window: automated messages only within 24 h of the customer's last message
    /// (MANYCHAT.md).</summary>
    public static readonly TimeSpan MessagingWindow = TimeSpan.FromHours(24);

    /// <summary>Gets how the reply reaches the customer (<c>MIRT_REPLY_MODE</c>: <c>hybrid</c>, <c>response</c>, <c>push</c>).</summary>
    /// <value>The default is <see cref="ReplyMode.Hybrid"/>.</value>
    public ReplyMode Mode { get; init; } = ReplyMode.Hybrid;

    /// <summary>Gets how long a text message's webhook waits for its turn before answering the acknowledgement
    /// (<c>MIRT_REPLY_DEADLINE_MS</c>), counted from acceptance.</summary>
    /// <value>The default is 8,000 ms, inside ManyChat's ~10 s.</value>
    public TimeSpan ReplyDeadline { get; init; } = TimeSpan.FromMilliseconds(8_000);

    /// <summary>Gets the same deadline for a photo (<c>MIRT_PHOTO_REPLY_DEADLINE_MS</c>): the vision model rarely answers
    /// in 8 s (vision p95 target 35 s), so the customer hears "checking the photo" sooner.</summary>
    /// <value>The default is 4,000 ms.</value>
    public TimeSpan PhotoReplyDeadline { get; init; } = TimeSpan.FromMilliseconds(4_000);

    /// <summary>Gets after how long, counted from acceptance, a still-running turn pushes the interim bubble
    /// (<c>MIRT_INTERIM_DELAY_MS</c>; 0 turns it off).</summary>
    /// <value>The default is 10,000 ms: after the acknowledgement, before the text p95 target.</value>
    public TimeSpan InterimDelay { get; init; } = TimeSpan.FromMilliseconds(10_000);

    /// <summary>Gets the interim delay of a photo turn (<c>MIRT_PHOTO_INTERIM_DELAY_MS</c>; 0 turns it off).</summary>
    /// <value>The default is 20,000 ms.</value>
    public TimeSpan PhotoInterimDelay { get; init; } = TimeSpan.FromMilliseconds(20_000);

    /// <summary>Gets how long a webhook waits in response mode (<c>MIRT_RESPONSE_WAIT_MS</c>); a reply that comes later
    /// cannot be delivered (no push API) and is recorded as failed.</summary>
    /// <value>The default is 25,000 ms.</value>
    public TimeSpan ResponseWait { get; init; } = TimeSpan.FromMilliseconds(25_000);

    /// <summary>Gets the debounce window (<c>MIRT_DEBOUNCE_MS</c>; 0 turns it off): messages of one subscriber closer
    /// together than this merge into one turn.</summary>
    /// <value>The default is 1,500 ms.</value>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(1_500);

    /// <summary>Gets the deduplication window (<c>MIRT_DEDUP_WINDOW_MS</c>; 0 turns it off): the same text or photo of
    /// the same subscriber inside it is a re-delivery and gets the original answer. Short, because a customer may
    /// honestly repeat a short "yes".</summary>
    /// <value>The default is 10,000 ms.</value>
    public TimeSpan DedupWindow { get; init; } = TimeSpan.FromMilliseconds(10_000);

    /// <summary>Gets how long a replica owns a subscriber's turn without renewing (<c>MIRT_TURN_LEASE_MS</c>); after a
    /// crash another replica (or the restarted one) resumes the turn this long after the last renewal.</summary>
    /// <value>The default is 15,000 ms (renewed every third of it).</value>
    public TimeSpan TurnLease { get; init; } = TimeSpan.FromMilliseconds(15_000);

    /// <summary>Gets how long a replica owns a subscriber's pushes without renewing (<c>MIRT_PUSH_LEASE_MS</c>).</summary>
    /// <value>The default is 30,000 ms.</value>
    public TimeSpan PushLease { get; init; } = TimeSpan.FromMilliseconds(30_000);

    /// <summary>Gets how often a replica looks in the store for turns and pushes it did not start itself (another
    /// replica's messages, crash recovery) (<c>MIRT_DELIVERY_POLL_MS</c>).</summary>
    /// <value>The default is 250 ms.</value>
    public TimeSpan Poll { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets the most turns one replica runs at once (<c>MIRT_MAX_CONCURRENT_TURNS</c>); the rest wait first come
    /// first served, in the store, for this or another replica. Turns mostly wait on the model, so the bound is about
    /// memory and connections, not cores.</summary>
    /// <value>The default is 256.</value>
    public int MaxConcurrentTurns { get; init; } = 256;

    /// <summary>Gets how many times a failing turn is tried before the customer gets the apology and a manager takes
    /// over (<c>MIRT_TURN_ATTEMPTS</c>).</summary>
    /// <value>The default is 3.</value>
    public int TurnAttempts { get; init; } = 3;

    /// <summary>Gets whether an inline answer folds the bubbles into as few messages as fit 1000 bytes
    /// (<c>MIRT_INLINE_BUBBLES</c>: <c>fold</c> or <c>separate</c>); Instagram may show only the first message of a
    /// Dynamic Block answer (MANYCHAT.md).</summary>
    /// <value>The default is <see langword="true"/> (<c>fold</c>).</value>
    public bool FoldInlineBubbles { get; init; } = true;

    /// <summary>Gets the typing delay before each pushed bubble after the first, per character of that bubble
    /// (<c>MIRT_TYPING_MS_PER_CHAR</c>; 0 turns it off).</summary>
    /// <value>The default is 20 ms.</value>
    public TimeSpan TypingPerCharacter { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Gets the cap of that delay (<c>MIRT_TYPING_MAX_MS</c>).</summary>
    /// <value>The default is 1,500 ms.</value>
    public TimeSpan TypingMax { get; init; } = TimeSpan.FromMilliseconds(1_500);

    /// <summary>Gets the conversation states whose silent customers get one follow-up (<c>MIRT_FOLLOWUP_STATES</c>,
    /// comma-separated; <c>none</c> turns follow-ups off). Each needs a <c>prompts/delivery/followup_*</c> template.</summary>
    /// <value>The default is <c>STATE_3_SIZE_COLOR,STATE_4_OFFER,STATE_5_PAYMENT_DELIVERY</c>.</value>
    public IReadOnlyList<string> FollowUpStates { get; init; } = ["STATE_3_SIZE_COLOR", "STATE_4_OFFER", "STATE_5_PAYMENT_DELIVERY"];

    /// <summary>Gets how long a customer must be silent before the follow-up (<c>MIRT_FOLLOWUP_AFTER_MS</c>).</summary>
    /// <value>The default is 7,200,000 ms (2 h).</value>
    public TimeSpan FollowUpAfter { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Gets the safety margin before the 24 h window closes: no follow-up is queued later than this before the
    /// end (<c>MIRT_FOLLOWUP_MARGIN_MS</c>).</summary>
    /// <value>The default is 3,600,000 ms (1 h).</value>
    public TimeSpan FollowUpMargin { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Gets how often the follow-up job looks for silent customers (<c>MIRT_FOLLOWUP_SCAN_MS</c>).</summary>
    /// <value>The default is 60,000 ms.</value>
    public TimeSpan FollowUpScan { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets how long readiness reports "draining" before the server stops taking requests, so load balancers
    /// stop sending (<c>MIRT_SHUTDOWN_DRAIN_MS</c>; 0 turns it off).</summary>
    /// <value>The default is 3,000 ms.</value>
    public TimeSpan ShutdownDrain { get; init; } = TimeSpan.FromMilliseconds(3_000);

    /// <summary>Gets the whole shutdown budget: requests, running turns and the outbox flush
    /// (<c>MIRT_SHUTDOWN_TIMEOUT_MS</c>).</summary>
    /// <value>The default is 25,000 ms (under Kubernetes' 30 s grace period).</value>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromMilliseconds(25_000);

    /// <summary>Gets the bearer token of the operator endpoints such as <c>POST /conversations/{id}/release</c>
    /// (<c>MIRT_ADMIN_TOKEN</c>); unset refuses them all.</summary>
    public string? AdminToken { get; init; }

    /// <summary>Gets the ManyChat tag set on a conversation a human must take over (<c>MIRT_HANDOFF_TAG</c>).</summary>
    /// <value>The default is <c>needs_human</c>.</value>
    public string HandoffTag { get; init; } = "needs_human";

    /// <summary>Gets the ManyChat custom fields (text) that receive the conversation state and intent on escalation
    /// (<c>MIRT_STATE_FIELD</c>, <c>MIRT_INTENT_FIELD</c>).</summary>
    /// <value>The defaults are <c>mirt_state</c> and <c>mirt_intent</c>.</value>
    public (string State, string Intent) HandoffFields { get; init; } = ("mirt_state", "mirt_intent");

    /// <summary>Gets how long one vision (photo) model call may take (<c>MIRT_VISION_DEADLINE_MS</c>), or
    /// <see langword="null"/> to let <see cref="VisionBudget"/> pick by whether the reply can be pushed.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public TimeSpan? VisionDeadline { get; init; }

    /// <summary>Picks the vision call's budget: <see cref="VisionDeadline"/> when set; otherwise 25 s when a late reply
    /// can be pushed (hybrid or push mode with an API key; the vision p95 target is 35 s end to end), and 5 s when the
    /// reply must fit ManyChat's ~10 s block.</summary>
    /// <param name="canPush">Whether <c>MIRT_MANYCHAT_API_KEY</c> is set.</param>
    /// <returns>The budget.</returns>
    public TimeSpan VisionBudget(bool canPush) =>
        VisionDeadline ?? (canPush && Mode != ReplyMode.Response ? TimeSpan.FromSeconds(25) : TimeSpan.FromSeconds(5));

    /// <summary>Picks the inline deadline of a message.</summary>
    /// <param name="hasPhoto">Whether the turn carries a photo.</param>
    /// <returns><see cref="PhotoReplyDeadline"/> or <see cref="ReplyDeadline"/>.</returns>
    public TimeSpan DeadlineFor(bool hasPhoto) => hasPhoto ? PhotoReplyDeadline : ReplyDeadline;

    /// <summary>Picks the interim delay of a turn.</summary>
    /// <param name="hasPhoto">Whether the turn carries a photo.</param>
    /// <returns><see cref="PhotoInterimDelay"/> or <see cref="InterimDelay"/>; zero means none.</returns>
    public TimeSpan InterimDelayFor(bool hasPhoto) => hasPhoto ? PhotoInterimDelay : InterimDelay;

    /// <summary>Reads the settings; anything unset keeps its default.</summary>
    /// <param name="configuration">The configuration (environment variables, <c>appsettings.json</c>).</param>
    /// <returns>The settings.</returns>
    /// <exception cref="InvalidOperationException">A value is malformed or out of range; the message names it and the fix.</exception>
    public static DeliverySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var d = new DeliverySettings();
        var settings = new DeliverySettings
        {
            Mode = ReadMode(configuration),
            ReplyDeadline = SettingReader.Milliseconds(configuration, "MIRT_REPLY_DEADLINE_MS", d.ReplyDeadline),
            PhotoReplyDeadline = SettingReader.Milliseconds(configuration, "MIRT_PHOTO_REPLY_DEADLINE_MS", d.PhotoReplyDeadline),
            InterimDelay = SettingReader.Milliseconds(configuration, "MIRT_INTERIM_DELAY_MS", d.InterimDelay, allowZero: true),
            PhotoInterimDelay = SettingReader.Milliseconds(configuration, "MIRT_PHOTO_INTERIM_DELAY_MS", d.PhotoInterimDelay, allowZero: true),
            ResponseWait = SettingReader.Milliseconds(configuration, "MIRT_RESPONSE_WAIT_MS", d.ResponseWait),
            Debounce = SettingReader.Milliseconds(configuration, "MIRT_DEBOUNCE_MS", d.Debounce, allowZero: true),
            DedupWindow = SettingReader.Milliseconds(configuration, "MIRT_DEDUP_WINDOW_MS", d.DedupWindow, allowZero: true),
            TurnLease = SettingReader.Milliseconds(configuration, "MIRT_TURN_LEASE_MS", d.TurnLease),
            PushLease = SettingReader.Milliseconds(configuration, "MIRT_PUSH_LEASE_MS", d.PushLease),
            Poll = SettingReader.Milliseconds(configuration, "MIRT_DELIVERY_POLL_MS", d.Poll),
            TurnAttempts = SettingReader.Count(configuration, "MIRT_TURN_ATTEMPTS", d.TurnAttempts, 10),
            MaxConcurrentTurns = SettingReader.Count(configuration, "MIRT_MAX_CONCURRENT_TURNS", d.MaxConcurrentTurns, 10_000),
            FoldInlineBubbles = ReadFold(configuration),
            TypingPerCharacter = SettingReader.Milliseconds(configuration, "MIRT_TYPING_MS_PER_CHAR", d.TypingPerCharacter, allowZero: true),
            TypingMax = SettingReader.Milliseconds(configuration, "MIRT_TYPING_MAX_MS", d.TypingMax, allowZero: true),
            FollowUpStates = SettingReader.List(configuration, "MIRT_FOLLOWUP_STATES", d.FollowUpStates),
            FollowUpAfter = SettingReader.Milliseconds(configuration, "MIRT_FOLLOWUP_AFTER_MS", d.FollowUpAfter),
            FollowUpMargin = SettingReader.Milliseconds(configuration, "MIRT_FOLLOWUP_MARGIN_MS", d.FollowUpMargin, allowZero: true),
            FollowUpScan = SettingReader.Milliseconds(configuration, "MIRT_FOLLOWUP_SCAN_MS", d.FollowUpScan),
            ShutdownDrain = SettingReader.Milliseconds(configuration, "MIRT_SHUTDOWN_DRAIN_MS", d.ShutdownDrain, allowZero: true),
            ShutdownTimeout = SettingReader.Milliseconds(configuration, "MIRT_SHUTDOWN_TIMEOUT_MS", d.ShutdownTimeout),
            VisionDeadline = string.IsNullOrWhiteSpace(configuration["MIRT_VISION_DEADLINE_MS"]) ? null : SettingReader.Milliseconds(configuration, "MIRT_VISION_DEADLINE_MS", TimeSpan.FromSeconds(5)),
            AdminToken = Mirt.Host.Settings.MirtSettings.Value(configuration, "MIRT_ADMIN_TOKEN"),
            HandoffTag = Mirt.Host.Settings.MirtSettings.Value(configuration, "MIRT_HANDOFF_TAG") ?? d.HandoffTag,
            HandoffFields = (
                Mirt.Host.Settings.MirtSettings.Value(configuration, "MIRT_STATE_FIELD") ?? d.HandoffFields.State,
                Mirt.Host.Settings.MirtSettings.Value(configuration, "MIRT_INTENT_FIELD") ?? d.HandoffFields.Intent),
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Checks the values that only make sense together.</summary>
    /// <exception cref="InvalidOperationException">A deadline exceeds ManyChat's budget, an interim delay is shorter than
    /// its deadline, a follow-up state has no
    /// template, or the follow-up delay leaves no room inside the 24 h window.</exception>
    public void Validate()
    {
        if (Mode == ReplyMode.Hybrid && (ReplyDeadline > MaxInlineDeadline || PhotoReplyDeadline > MaxInlineDeadline))
        {
            throw new InvalidOperationException($"MIRT_REPLY_DEADLINE_MS and MIRT_PHOTO_REPLY_DEADLINE_MS must stay at or below {MaxInlineDeadline.TotalMilliseconds} ms in hybrid mode: ManyChat gives the Dynamic Block about 10 s.");
        }

        // Only hybrid mode has both an inline deadline and pushes; the other modes never answer inline late.
        if (Mode == ReplyMode.Hybrid
            && ((InterimDelay > TimeSpan.Zero && InterimDelay < ReplyDeadline) || (PhotoInterimDelay > TimeSpan.Zero && PhotoInterimDelay < PhotoReplyDeadline)))
        {
            throw new InvalidOperationException("MIRT_INTERIM_DELAY_MS (and MIRT_PHOTO_INTERIM_DELAY_MS) must be 0 or at least the reply deadline: the interim bubble follows the acknowledgement, it never overtakes the inline answer.");
        }

        foreach (var state in FollowUpStates)
        {
            if (Mirt.Sales.Delivery.DeliveryTemplates.FollowUpFor(state) is null)
            {
                throw new InvalidOperationException($"MIRT_FOLLOWUP_STATES names '{state}', which has no follow-up template; use STATE_3_SIZE_COLOR, STATE_4_OFFER or STATE_5_PAYMENT_DELIVERY, or 'none'.");
            }
        }

        if (FollowUpStates.Count > 0 && FollowUpAfter + FollowUpMargin >= MessagingWindow)
        {
            throw new InvalidOperationException("MIRT_FOLLOWUP_AFTER_MS plus MIRT_FOLLOWUP_MARGIN_MS must stay under 24 h: Instagram allows automated messages only within 24 h of the customer's last message.");
        }
    }

    private static ReplyMode ReadMode(IConfiguration configuration) =>
        (configuration["MIRT_REPLY_MODE"]?.Trim().ToUpperInvariant()) switch
        {
            null or "" or "HYBRID" => ReplyMode.Hybrid,
            "RESPONSE" => ReplyMode.Response,
            "PUSH" => ReplyMode.Push,
            var other => throw new InvalidOperationException($"MIRT_REPLY_MODE is '{other.ToLowerInvariant()}'; use hybrid (default), response or push."),
        };

    private static bool ReadFold(IConfiguration configuration) =>
        (configuration["MIRT_INLINE_BUBBLES"]?.Trim().ToUpperInvariant()) switch
        {
            null or "" or "FOLD" => true,
            "SEPARATE" => false,
            var other => throw new InvalidOperationException($"MIRT_INLINE_BUBBLES is '{other.ToLowerInvariant()}'; use fold (default) or separate."),
        };
}
