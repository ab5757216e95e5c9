namespace Mirt.Delivery;

/// <summary>
/// Keeps a chat host's inbox (customer messages, before any turn) and outbox (what to send, with send state) durable,
/// in the same database as the conversation checkpoints, and hands out per-subscriber turn and push ownership so
/// several host replicas cooperate without process memory.
/// </summary>
/// <remarks>
/// <para>Every method is one transaction: its effects are all there or none are. Times are the caller's clock
/// (<see cref="TimeProvider"/>), stored at millisecond precision; replicas should run NTP, since leases compare times.</para>
/// <para>Ownership is a lease: a row per subscriber names the owner and until when it holds the turn (or the push)
/// lease. A live lease of another owner makes a claim return <see langword="null"/>; an expired one is taken over.</para>
/// <para>Implementations: <see cref="DeliveryStores.OpenSqliteAsync"/> (embedded) and
/// <see cref="DeliveryStores.OpenPostgresAsync"/>. Both pass the same conformance tests.</para>
/// </remarks>
public interface IDeliveryStore : IAsyncDisposable
{
    /// <summary>Stores a webhook message, unless it is a re-delivery.</summary>
    /// <param name="message">The message.</param>
    /// <param name="now">The acceptance time.</param>
    /// <param name="dedupWindow">How far back a message of the same subscriber with the same
    /// <see cref="InboundMessage.ContentHash"/> makes this one a duplicate; <see cref="TimeSpan.Zero"/> turns
    /// deduplication off.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="AcceptOutcome.Duplicate"/> with the original's id (nothing stored); otherwise the new id,
    /// <see cref="AcceptOutcome.Held"/> when the conversation is handed off (stored as <see cref="InboxStatus.Held"/>).
    /// Either stored outcome records <paramref name="now"/> as the customer's last message time.</returns>
    Task<AcceptResult> AcceptAsync(InboundMessage message, DateTimeOffset now, TimeSpan dedupWindow, CancellationToken cancellationToken = default);

    /// <summary>Reads one inbox message and its turn's progress.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message, or <see langword="null"/> when no such id exists.</returns>
    Task<InboxMessage?> GetMessageAsync(long messageId, CancellationToken cancellationToken = default);

    /// <summary>Records what the webhook answered for a message, once.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="answerJson">The Dynamic Block answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when recorded; <see langword="false"/> when an answer was already recorded.</returns>
    Task<bool> TrySetAnswerAsync(long messageId, string answerJson, CancellationToken cancellationToken = default);

    /// <summary>Tells whether another message of the same subscriber was accepted after this one (any status but held).</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when a newer message exists.</returns>
    Task<bool> HasNewerMessageAsync(long messageId, CancellationToken cancellationToken = default);

    /// <summary>Lists subscribers whose turn may be claimed now: with pending messages whose newest was accepted at or
    /// before <c>now - quiet</c> and no live turn lease, or with an unfinished turn whose lease ran out.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="quiet">The debounce window: messages closer together than this merge into one turn.</param>
    /// <param name="limit">At most this many, oldest pending first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Subscriber ids.</returns>
    Task<IReadOnlyList<string>> FindClaimableTurnsAsync(DateTimeOffset now, TimeSpan quiet, int limit, CancellationToken cancellationToken = default);

    /// <summary>Takes the subscriber's turn lease and the messages of its next turn.</summary>
    /// <param name="subscriberId">The customer.</param>
    /// <param name="owner">The claiming owner (a replica's id, unique per process).</param>
    /// <param name="now">The current time.</param>
    /// <param name="quiet">The debounce window (see <see cref="FindClaimableTurnsAsync"/>).</param>
    /// <param name="lease">How long the lease holds without <see cref="RenewTurnLeaseAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see langword="null"/> when an owner holds a live lease (another owner, or the caller itself while it runs a
    /// turn: it completes or releases the turn first), or nothing is claimable (no pending message, or the
    /// newest pending message is younger than <paramref name="quiet"/>); the lease is then not kept.
    /// Otherwise the lease (until <c>now + lease</c>) and, in this order of preference: the subscriber's unfinished turn
    /// (claimed before, lease ran out; <see cref="TurnClaim.Resumed"/> true, same id and messages), or a new turn of the
    /// pending messages in acceptance order, stopping before a second photo (the rest wait for the next turn); they
    /// become <see cref="InboxStatus.Processing"/>.
    /// </returns>
    Task<TurnClaim?> TryClaimTurnAsync(string subscriberId, string owner, DateTimeOffset now, TimeSpan quiet, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Extends a turn lease the owner still holds.</summary>
    /// <param name="subscriberId">The customer.</param>
    /// <param name="owner">The owner.</param>
    /// <param name="now">The current time.</param>
    /// <param name="lease">The new lease length from <paramref name="now"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the owner lost the lease (it expired and another owner took it).</returns>
    Task<bool> RenewTurnLeaseAsync(string subscriberId, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Finishes a turn: marks its messages done, inserts its outbox rows (an existing idempotency key is left
    /// alone), records the conversation state and intent, starts a handoff when asked (an ongoing one is kept), and
    /// releases the owner's turn lease.</summary>
    /// <param name="completion">The finished turn.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the turn was already finished (by another owner after a lease take-over);
    /// nothing changes then.</returns>
    /// <exception cref="InvalidOperationException">No such turn exists.</exception>
    Task<bool> CompleteTurnAsync(TurnCompletion completion, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Gives up a turn lease early (a failed turn, a shutdown) so another owner may claim at once; the turn
    /// stays unfinished and is claimed again (resumed).</summary>
    /// <param name="subscriberId">The customer.</param>
    /// <param name="owner">The owner; another owner's lease is left alone.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when released.</returns>
    Task ReleaseTurnLeaseAsync(string subscriberId, string owner, CancellationToken cancellationToken = default);

    /// <summary>Inserts one outbox row (an interim bubble, a follow-up).</summary>
    /// <param name="draft">The row.</param>
    /// <param name="now">The creation time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when a row with the same idempotency key exists (nothing changes).</returns>
    Task<bool> EnqueueAsync(OutboxDraft draft, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Lets the webhook answer a turn's reply inline: moves the turn's pending <see cref="OutboxKind.Reply"/>
    /// rows whose <see cref="OutboxDraft.InlineUntil"/> is after <paramref name="now"/> to <see cref="OutboxState.Inline"/>.</summary>
    /// <param name="turnId">The turn.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed rows in sequence order; empty when a push claimed them first, the inline time passed, or the
    /// turn has no reply rows yet.</returns>
    Task<IReadOnlyList<OutboxItem>> TryClaimInlineAsync(string turnId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Lists subscribers with due pushes (pending rows with <c>NotBefore</c> and any <c>InlineUntil</c> at or
    /// before <paramref name="now"/>) and no live push lease, or with rows left sending under an expired push lease.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="limit">At most this many, oldest due row first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Subscriber ids.</returns>
    Task<IReadOnlyList<string>> FindDuePushesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Takes the subscriber's push lease and its due rows. Rows a previous owner left
    /// <see cref="OutboxState.Sending"/> become <see cref="OutboxState.Uncertain"/> and are returned as abandoned.
    /// A pending row that is not due yet (including an inline one) stops the list: rows after it wait, so one
    /// subscriber's messages never overtake each other.</summary>
    /// <param name="subscriberId">The customer.</param>
    /// <param name="owner">The claiming owner.</param>
    /// <param name="now">The current time.</param>
    /// <param name="lease">How long the lease holds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="null"/> when an owner holds a live push lease (another owner, or the caller itself: it
    /// releases the lease before claiming again), or nothing is due and nothing was
    /// abandoned (the lease is then not kept).</returns>
    Task<PushClaim?> TryClaimPushesAsync(string subscriberId, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed row as being sent, just before the push call, and counts the attempt.</summary>
    /// <param name="outboxId">The row.</param>
    /// <param name="owner">The owner; must hold the subscriber's push lease.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the row is no longer pending or the owner lost the lease: do not send.</returns>
    Task<bool> MarkSendingAsync(long outboxId, string owner, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records how a push call ended.</summary>
    /// <param name="outboxId">The row (in <see cref="OutboxState.Sending"/>).</param>
    /// <param name="result">The result.</param>
    /// <param name="error">A short reason (ManyChat's code and message, masked), or <see langword="null"/>.</param>
    /// <param name="now">The current time.</param>
    /// <param name="retryAt">For <see cref="PushResult.Retry"/>: the new <c>NotBefore</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when recorded.</returns>
    Task RecordPushAsync(long outboxId, PushResult result, string? error, DateTimeOffset now, DateTimeOffset? retryAt = null, CancellationToken cancellationToken = default);

    /// <summary>Gives up a push lease.</summary>
    /// <param name="subscriberId">The customer.</param>
    /// <param name="owner">The owner; another owner's lease is left alone.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when released.</returns>
    Task ReleasePushLeaseAsync(string subscriberId, string owner, CancellationToken cancellationToken = default);

    /// <summary>Tells whether a human has the conversation.</summary>
    /// <param name="subscriberId">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The handoff reason, or <see langword="null"/> when the bot answers.</returns>
    Task<string?> GetHandoffAsync(string subscriberId, CancellationToken cancellationToken = default);

    /// <summary>Gives the conversation back to the bot (a human released it).</summary>
    /// <param name="subscriberId">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when it was not handed off.</returns>
    Task<bool> ReleaseHandoffAsync(string subscriberId, CancellationToken cancellationToken = default);

    /// <summary>Lists customers to nudge: conversation in one of <paramref name="states"/>, last message at or before
    /// <paramref name="silentSince"/> and after <paramref name="windowStart"/>, not handed off, no pending or processing
    /// message, and no outbox row keyed <c>followup:{subscriber}:{state}</c> yet.</summary>
    /// <param name="states">The states that get follow-ups.</param>
    /// <param name="silentSince">The latest last-message time that counts as silent.</param>
    /// <param name="windowStart">The earliest last-message time still inside the messaging window.</param>
    /// <param name="limit">At most this many, longest silent first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The candidates.</returns>
    Task<IReadOnlyList<FollowUpCandidate>> FindFollowUpCandidatesAsync(IReadOnlyCollection<string> states, DateTimeOffset silentSince, DateTimeOffset windowStart, int limit, CancellationToken cancellationToken = default);

    /// <summary>Reads the outbox rows of one subscriber, oldest first (operators, tests).</summary>
    /// <param name="subscriberId">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows.</returns>
    Task<IReadOnlyList<OutboxItem>> ListOutboxAsync(string subscriberId, CancellationToken cancellationToken = default);

    /// <summary>Sums up the waiting work.</summary>
    /// <param name="now">The current time (for ages).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The backlog.</returns>
    Task<DeliveryBacklog> GetBacklogAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Retention: deletes done and held messages, finished turns and final outbox rows created before
    /// <paramref name="before"/>. Follow-up rows are kept, since they remember which states were already nudged.</summary>
    /// <param name="before">The cut-off.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many rows were deleted.</returns>
    Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>Checks that the database answers a trivial query, for readiness probes.</summary>
    /// <param name="cancellationToken">Cancels the check (then <see cref="OperationCanceledException"/> is thrown).</param>
    /// <returns><see langword="true"/> when it answered; <see langword="false"/> when it could not be reached (logged).</returns>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken = default);
}
