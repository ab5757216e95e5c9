namespace Mirt.Llm.OpenAI;

/// <summary>
/// Represents a failed call to a language model, whatever the cause; the base of every error the adapter throws.
/// </summary>
/// <remarks>
/// A retry or fallback middleware decides with <see cref="IsTransient"/> alone and never inspects the derived type or
/// the message. Cancellation requested by the caller is never wrapped: it surfaces as
/// <see cref="OperationCanceledException"/>. <see cref="ServerMessage"/> is the text the server wrote; it is not
/// customer text, but a server may echo part of the request in it, so log it at Trace level only.
/// </remarks>
public abstract class LlmException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="LlmException"/> class with a default message.</summary>
    protected LlmException()
        : this("The language model call failed.", isTransient: false, statusCode: null, serverMessage: null, serverErrorCode: null, innerException: null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    /// <param name="isTransient">Whether the same request may succeed if it is sent again later.</param>
    /// <param name="statusCode">The HTTP status code the server answered with, or <see langword="null"/> if none arrived.</param>
    /// <param name="serverMessage">The error message from the server's error body, or <see langword="null"/> if it had none.</param>
    /// <param name="serverErrorCode">The error code or type from the server's error body, or <see langword="null"/> if it had none.</param>
    /// <param name="innerException">The exception the OpenAI SDK or the transport threw, if any.</param>
    protected LlmException(
        string message,
        bool isTransient,
        int? statusCode,
        string? serverMessage,
        string? serverErrorCode,
        Exception? innerException)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        StatusCode = statusCode;
        ServerMessage = serverMessage;
        ServerErrorCode = serverErrorCode;
    }

    /// <summary>Gets a value indicating whether the same request may succeed if it is sent again later.</summary>
    /// <value><see langword="true"/> for rate limits, server errors, timeouts and network failures.</value>
    public bool IsTransient { get; }

    /// <summary>Gets the HTTP status code the server answered with.</summary>
    /// <value><see langword="null"/> when no response arrived (network failure or timeout).</value>
    public int? StatusCode { get; }

    /// <summary>Gets the error message from the server's JSON error body (<c>error.message</c>).</summary>
    /// <value><see langword="null"/> when the server sent no parsable error body.</value>
    public string? ServerMessage { get; }

    /// <summary>Gets the error code from the server's JSON error body (<c>error.code</c>, else <c>error.type</c>).</summary>
    /// <value><see langword="null"/> when the server sent none.</value>
    public string? ServerErrorCode { get; }
}
