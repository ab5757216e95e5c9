namespace Mirt.Llm.OpenAI;

/// <summary>
/// Represents a request the model server refused because a rate limit or quota was exceeded (HTTP 429).
/// </summary>
/// <remarks>
/// Transient, except when the server says the account's quota is used up (<c>insufficient_quota</c>), which no
/// retry can fix. <see cref="RetryAfter"/> carries the server's hint so a retry middleware can wait that long or give
/// up when the wait does not fit the deadline.
/// </remarks>
public sealed class LlmRateLimitException : LlmException
{
    /// <summary>Initializes a new instance of the <see cref="LlmRateLimitException"/> class with a default message.</summary>
    public LlmRateLimitException()
        : this("The model server is rate limiting requests; retry later.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmRateLimitException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    public LlmRateLimitException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmRateLimitException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    /// <param name="innerException">The exception the OpenAI SDK threw, if any.</param>
    public LlmRateLimitException(string message, Exception? innerException)
        : this(message, retryAfter: null, isTransient: true, serverMessage: null, serverErrorCode: null, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmRateLimitException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    /// <param name="retryAfter">How long the server asked the client to wait, or <see langword="null"/> if it did not say.</param>
    /// <param name="isTransient">Whether a later retry may succeed; <see langword="false"/> when the quota is used up.</param>
    /// <param name="serverMessage">The error message from the server's error body, if any.</param>
    /// <param name="serverErrorCode">The error code from the server's error body, if any.</param>
    /// <param name="innerException">The exception the OpenAI SDK threw, if any.</param>
    public LlmRateLimitException(
        string message,
        TimeSpan? retryAfter,
        bool isTransient,
        string? serverMessage,
        string? serverErrorCode,
        Exception? innerException)
        : base(message, isTransient, statusCode: 429, serverMessage, serverErrorCode, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Gets how long the server asked the client to wait before the next request.</summary>
    /// <value>
    /// From the <c>retry-after-ms</c> header (milliseconds), else <c>Retry-After</c> (seconds or an HTTP date);
    /// <see langword="null"/> when the server sent neither.
    /// </value>
    public TimeSpan? RetryAfter { get; }
}
