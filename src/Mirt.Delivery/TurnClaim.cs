namespace Mirt.Delivery;

/// <summary>
/// Hands one turn of one subscriber to one owner: the messages to merge, in acceptance order.
/// </summary>
/// <param name="TurnId">The turn id: stable across crashes, so a resumed turn writes the same checkpoint metadata and the
/// same outbox idempotency keys. Built by the store as <c>{subscriber}:{first message id}</c>.</param>
/// <param name="SubscriberId">The customer.</param>
/// <param name="Messages">The messages merged into this turn, oldest first; never empty; at most one carries a photo.</param>
/// <param name="Resumed">Tells whether the turn was claimed before by an owner whose lease ran out (a crash or a stall):
/// the checkpoint store may already hold part or all of it.</param>
public sealed record TurnClaim(string TurnId, string SubscriberId, IReadOnlyList<InboxMessage> Messages, bool Resumed)
{
    /// <summary>Gets the id of the newest message, whose webhook answers for the turn.</summary>
    public long LastMessageId => Messages[^1].Id;

    /// <summary>Gets when the newest message was accepted; the inline deadline counts from here.</summary>
    public DateTimeOffset LastAcceptedAt => Messages[^1].AcceptedAt;
}
