namespace Mirt.Delivery;

/// <summary>
/// Names the send state of an outbox row (the <c>state</c> column). Final states never change again.
/// </summary>
public static class OutboxState
{
    /// <summary>Gets the state of a row waiting to be answered inline or pushed.</summary>
    public const string Pending = "pending";

    /// <summary>Gets the final state of a row a webhook answered inline.</summary>
    public const string Inline = "inline";

    /// <summary>Gets the state of a row whose push call started; the owner records the result next.</summary>
    public const string Sending = "sending";

    /// <summary>Gets the final state of a row ManyChat accepted.</summary>
    public const string Sent = "sent";

    /// <summary>Gets the final state of a row ManyChat refused for good (outside the 24 h window, the channel refused,
    /// rejected content); a human is told.</summary>
    public const string Failed = "failed";

    /// <summary>Gets the final state of a row whose owner died while it was <see cref="Sending"/>: it may or may not have
    /// arrived, and ManyChat has no idempotency key, so it is not sent again (a duplicate is worse); a human is told.</summary>
    public const string Uncertain = "uncertain";
}
