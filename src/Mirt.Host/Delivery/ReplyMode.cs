namespace Mirt.Host.Delivery;

/// <summary>
/// Names how replies reach the customer (<c>MIRT_REPLY_MODE</c>; see docs/OPERATIONS.md, Reply modes).
/// </summary>
public enum ReplyMode
{
    /// <summary>Race the turn against the inline deadline: answer in the Dynamic Block when it finishes in time,
    /// otherwise answer an acknowledgement and push the reply through ManyChat's API. Needs an API key; without one the
    /// host runs in <see cref="Response"/> mode and says so at start-up.</summary>
    Hybrid,

    /// <summary>Always answer in the Dynamic Block, however long the turn takes (ManyChat gives up after about 10 s).</summary>
    Response,

    /// <summary>Answer every webhook at once with no messages and push every reply (needs an API key).</summary>
    Push,
}
