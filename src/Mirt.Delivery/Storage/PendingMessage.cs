namespace Mirt.Delivery.Storage;

/// <summary>Holds what starting a turn needs of a pending inbox message.</summary>
/// <param name="Id">The message id.</param>
/// <param name="AcceptedAt">The acceptance time, Unix ms.</param>
/// <param name="HasPhoto">Whether the message carries a photo.</param>
internal sealed record PendingMessage(long Id, long AcceptedAt, bool HasPhoto);
