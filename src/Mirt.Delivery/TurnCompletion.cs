namespace Mirt.Delivery;

/// <summary>
/// Records a finished turn: where the conversation now waits and what to send.
/// </summary>
/// <param name="TurnId">The claimed turn.</param>
/// <param name="SubscriberId">The customer.</param>
/// <param name="Owner">The owner that claimed it; its turn lease is released.</param>
/// <param name="State">The conversation state after the turn (for follow-ups and handoff fields).</param>
/// <param name="Intent">The intent of the turn.</param>
/// <param name="HandoffReason">The reason a human must take over (the bot then stops answering), or
/// <see langword="null"/>.</param>
/// <param name="Outbox">The reply rows, inserted with their idempotency keys.</param>
public sealed record TurnCompletion(
    string TurnId,
    string SubscriberId,
    string Owner,
    string State,
    string Intent,
    string? HandoffReason,
    IReadOnlyList<OutboxDraft> Outbox);
