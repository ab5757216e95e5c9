namespace Mirt.Llm.OpenAI;

/// <summary>
/// Represents a failure on the model server's side: an HTTP 5xx, or a status the OpenAI protocol does not use.
/// </summary>
/// <remarks>Transient for every 5xx; not transient for any other unexpected status.</remarks>
public sealed class LlmServerException : LlmException
{
    /// <summary>Initializes a new instance of the <see cref="LlmServerException"/> class with a default message.</summary>
    public LlmServerException()
        : this("The model server failed to answer.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmServerException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    public LlmServerException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmServerException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    /// <param name="innerException">The exception the OpenAI SDK threw, if any.</param>
    public LlmServerException(string message, Exception? innerException)
        : this(message, statusCode: 500, serverMessage: null, serverErrorCode: null, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmServerException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="serverMessage">The error message from the server's error body, if any.</param>
    /// <param name="serverErrorCode">The error code from the server's error body, if any.</param>
    /// <param name="innerException">The exception the OpenAI SDK threw, if any.</param>
    public LlmServerException(string message, int statusCode, string? serverMessage, string? serverErrorCode, Exception? innerException)
        : base(message, isTransient: statusCode is >= 500 and <= 599, statusCode, serverMessage, serverErrorCode, innerException)
    {
    }
}
