namespace Mirt.Delivery;

/// <summary>
/// Describes an outbox row to insert.
/// </summary>
/// <param name="IdempotencyKey">The row's unique key; inserting an existing key does nothing, which is what makes a
/// resumed turn or a second replica harmless. Turn replies use <c>{turn id}:reply:{bubble index}</c>.</param>
/// <param name="SubscriberId">The customer.</param>
/// <param name="TurnId">The turn the row belongs to, or <see langword="null"/> (follow-ups).</param>
/// <param name="Kind">One of <see cref="OutboxKind"/>.</param>
/// <param name="Sequence">The order among the rows of one turn (bubble index), from 0.</param>
/// <param name="ContentJson">The Dynamic Block v2 <c>content</c> object to send, as JSON; opaque to the store.</param>
/// <param name="NotBefore">The earliest time a push may send it.</param>
/// <param name="InlineUntil">Until when the waiting webhook may still answer it inline (no push before then), or
/// <see langword="null"/> when no webhook will.</param>
public sealed record OutboxDraft(
    string IdempotencyKey,
    string SubscriberId,
    string? TurnId,
    string Kind,
    int Sequence,
    string ContentJson,
    DateTimeOffset NotBefore,
    DateTimeOffset? InlineUntil);
