namespace Mirt.Delivery;

/// <summary>
/// Reports what the store did with a webhook message.
/// </summary>
/// <param name="Outcome">Accepted, duplicate or held.</param>
/// <param name="MessageId">The stored message's id; for a duplicate, the original message's id.</param>
public sealed record AcceptResult(AcceptOutcome Outcome, long MessageId);
