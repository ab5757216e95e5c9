namespace Mirt.Delivery;

/// <summary>
/// Holds one stored customer message and what has happened to it.
/// </summary>
/// <param name="Id">The message id; grows with acceptance order (per store).</param>
/// <param name="SubscriberId">The customer.</param>
/// <param name="AcceptedAt">When the webhook accepted it.</param>
/// <param name="Text">The text; empty when only a photo came.</param>
/// <param name="ImageUrl">The photo URL, or <see langword="null"/>.</param>
/// <param name="FirstName">The customer's first name, or <see langword="null"/>.</param>
/// <param name="Status">One of <see cref="InboxStatus"/>.</param>
/// <param name="TurnId">The turn that claimed it, or <see langword="null"/> while pending or held.</param>
/// <param name="TurnLastMessageId">The id of the last message of that turn (the one whose webhook answers for the whole
/// turn), or <see langword="null"/>.</param>
/// <param name="TurnCompleted">Tells whether that turn finished and wrote its outbox rows.</param>
/// <param name="AnswerJson">What the webhook answered for this message (a Dynamic Block JSON), once it answered; a
/// re-delivered duplicate gets the same answer.</param>
public sealed record InboxMessage(
    long Id,
    string SubscriberId,
    DateTimeOffset AcceptedAt,
    string Text,
    string? ImageUrl,
    string? FirstName,
    string Status,
    string? TurnId,
    long? TurnLastMessageId,
    bool TurnCompleted,
    string? AnswerJson);
