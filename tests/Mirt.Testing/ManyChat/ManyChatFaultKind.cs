namespace Mirt.Testing.ManyChat;

/// <summary>What a <see cref="ManyChatFault"/> does to one request.</summary>
public enum ManyChatFaultKind
{
    /// <summary>Waits, then answers the request normally (it is still recorded and may be accepted).</summary>
    Delay,

    /// <summary>Answers a 5xx with ManyChat's exception body, without looking at the request.</summary>
    ServerError,

    /// <summary>Closes the connection without an answer, after reading the request.</summary>
    DropConnection,
}
