namespace Mirt.Delivery;

/// <summary>
/// Names what <see cref="IDeliveryStore.AcceptAsync"/> did with a webhook message.
/// </summary>
public enum AcceptOutcome
{
    /// <summary>Stored as a new pending message; a turn will answer it.</summary>
    Accepted,

    /// <summary>Not stored: the same subscriber sent the same content inside the deduplication window;
    /// <see cref="AcceptResult.MessageId"/> is the original message.</summary>
    Duplicate,

    /// <summary>Stored as held: the conversation is handed to a human, so no turn runs for it until it is released.</summary>
    Held,
}
