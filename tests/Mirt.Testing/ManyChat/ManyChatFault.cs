namespace Mirt.Testing.ManyChat;

/// <summary>
/// One injected failure for <see cref="ManyChatStandIn.EnqueueFault"/>; faults apply to the next requests in the order
/// they were queued, one fault per request.
/// </summary>
/// <param name="Kind">What happens.</param>
/// <param name="Duration">How long a <see cref="ManyChatFaultKind.Delay"/> waits.</param>
/// <param name="Status">The HTTP status of a <see cref="ManyChatFaultKind.ServerError"/>.</param>
public sealed record ManyChatFault(ManyChatFaultKind Kind, TimeSpan Duration = default, int Status = 500)
{
    /// <summary>Delays the answer, then answers normally.</summary>
    /// <param name="duration">How long to wait.</param>
    /// <returns>The fault.</returns>
    public static ManyChatFault Delay(TimeSpan duration) => new(ManyChatFaultKind.Delay, duration);

    /// <summary>Answers a server error.</summary>
    /// <param name="status">The status, 500 by default.</param>
    /// <returns>The fault.</returns>
    public static ManyChatFault ServerError(int status = 500) => new(ManyChatFaultKind.ServerError, Status: status);

    /// <summary>Drops the connection without an answer.</summary>
    /// <returns>The fault.</returns>
    public static ManyChatFault DropConnection() => new(ManyChatFaultKind.DropConnection);
}
