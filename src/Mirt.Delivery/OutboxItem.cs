namespace Mirt.Delivery;

/// <summary>
/// Holds one stored outbox row.
/// </summary>
/// <param name="Id">The row id; grows with insertion order, which is also the push order of one subscriber.</param>
/// <param name="IdempotencyKey">The row's unique key.</param>
/// <param name="SubscriberId">The customer.</param>
/// <param name="TurnId">The turn the row belongs to, or <see langword="null"/>.</param>
/// <param name="Kind">One of <see cref="OutboxKind"/>.</param>
/// <param name="Sequence">The order among the rows of one turn, from 0.</param>
/// <param name="ContentJson">The Dynamic Block v2 <c>content</c> object, as JSON.</param>
/// <param name="State">One of <see cref="OutboxState"/>.</param>
/// <param name="Attempts">How many push calls started for it.</param>
/// <param name="CreatedAt">When the row was inserted.</param>
/// <param name="LastCustomerAt">When the customer last wrote (the start of Instagram's 24 h window), or
/// <see langword="null"/> when the store has no message of theirs.</param>
public sealed record OutboxItem(
    long Id,
    string IdempotencyKey,
    string SubscriberId,
    string? TurnId,
    string Kind,
    int Sequence,
    string ContentJson,
    string State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastCustomerAt);
