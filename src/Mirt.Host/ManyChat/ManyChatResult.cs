namespace Mirt.Host.ManyChat;

/// <summary>
/// Describes how one <see cref="ManyChatClient"/> call ended: the outcome as a value, never an exception.
/// </summary>
/// <param name="Outcome">How the call ended.</param>
/// <param name="Code">ManyChat's error code (for example 3011), or <see langword="null"/> when there is none.</param>
/// <param name="Error">ManyChat's error message, or a short reason of ours (<c>timeout</c>, <c>network</c>,
/// <c>dropped</c>, <c>queue_full</c>); <see langword="null"/> on success. ManyChat's own text, never the customer's.</param>
/// <param name="HttpStatus">The HTTP status of the last attempt, or <see langword="null"/> when no answer came.</param>
public sealed record ManyChatResult(ManyChatOutcome Outcome, int? Code = null, string? Error = null, int? HttpStatus = null)
{
    /// <summary>Gets whether ManyChat accepted the call.</summary>
    public bool IsSuccess => Outcome == ManyChatOutcome.Sent;

    /// <summary>Gets whether the call may be retried later (<see cref="ManyChatOutcome.RateLimited"/> or
    /// <see cref="ManyChatOutcome.Transient"/>). Everything else, success included, is final.</summary>
    public bool IsRetryable => Outcome is ManyChatOutcome.RateLimited or ManyChatOutcome.Transient;

    /// <summary>Gets whether a failed call may nevertheless have reached the customer: true for a timeout, a 5xx or a
    /// connection dropped after the request went out; false when the connection was never made. ManyChat has no
    /// idempotency key, so a retry after such a failure can deliver the content twice.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool MaybeDelivered { get; init; }

    /// <summary>Gets whether ManyChat refused the content's actions or quick replies and the messages were sent again
    /// without them; the caller then applies the tags and fields through the API itself.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool ExtrasDropped { get; init; }

    /// <summary>Gets how many HTTP requests the call made (the resend without extras and rate-limit retries count).</summary>
    /// <value>The default is 1.</value>
    public int Attempts { get; init; } = 1;

    /// <summary>Gets the time spent in HTTP requests, summed over attempts; waiting for the client-side rate limiter is
    /// not included.</summary>
    /// <value>The default is zero.</value>
    public TimeSpan Latency { get; init; }

    /// <summary>Gets the time spent waiting for the client-side rate limiter and rate-limit backoff.</summary>
    /// <value>The default is zero.</value>
    public TimeSpan Waited { get; init; }
}
