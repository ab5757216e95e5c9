namespace Mirt.Delivery;

/// <summary>
/// Names the life of an inbox message (the <c>status</c> column).
/// </summary>
public static class InboxStatus
{
    /// <summary>Gets the status of an accepted message no turn has claimed yet.</summary>
    public const string Pending = "pending";

    /// <summary>Gets the status of a message a turn has claimed and not finished.</summary>
    public const string Processing = "processing";

    /// <summary>Gets the status of a message whose turn finished (its reply is in the outbox).</summary>
    public const string Done = "done";

    /// <summary>Gets the status of a message that came while a human had the conversation; no turn runs for it.</summary>
    public const string Held = "held";
}
