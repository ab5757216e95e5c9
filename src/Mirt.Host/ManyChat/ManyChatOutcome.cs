namespace Mirt.Host.ManyChat;

/// <summary>
/// Names how a ManyChat public-API call ended (see MANYCHAT.md, Push mode). Only <see cref="RateLimited"/> and
/// <see cref="Transient"/> may be retried; every other failure is final.
/// </summary>
public enum ManyChatOutcome
{
    /// <summary>ManyChat answered <c>200 {"status":"success"}</c>: the content was sent or the tag/field was set.</summary>
    Sent,

    /// <summary>Error code 3011: the customer's last message is more than 24 hours old, so Instagram refuses automated
    /// messages. Final: never retry; a human may answer from the ManyChat inbox.</summary>
    OutsideWindow,

    /// <summary>Error codes 3040–3049: the channel (Instagram) refused the content, for example actions or quick replies
    /// it does not allow in pushed content, or a blocked conversation. Final.</summary>
    ChannelRefused,

    /// <summary>Any other ManyChat error (HTTP 400, or another 4xx): bad body, unknown tag or field, wrong value type,
    /// unknown subscriber. Final; <see cref="ManyChatResult.Error"/> holds ManyChat's message.</summary>
    Rejected,

    /// <summary>HTTP 401 or 403: the API key is wrong, revoked or lacks the scope. Final until an operator fixes
    /// <c>MIRT_MANYCHAT_API_KEY</c>.</summary>
    Unauthorized,

    /// <summary>ManyChat said too many requests (an HTTP 400 whose message mentions a rate limit, or a 429), or the
    /// client's own wait queue was full. Nothing was sent; retry later.</summary>
    RateLimited,

    /// <summary>A 5xx, a 408, a network failure, a dropped connection or the per-request timeout. Retryable, but see
    /// <see cref="ManyChatResult.MaybeDelivered"/>: the content may have been delivered anyway.</summary>
    Transient,
}
