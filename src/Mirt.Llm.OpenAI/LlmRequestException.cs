namespace Mirt.Llm.OpenAI;

/// <summary>
/// Represents a request the model server rejected as invalid (an HTTP 4xx other than 401, 403 and 429), for example
/// an unknown model, a parameter out of range, or a prompt longer than the context window.
/// </summary>
/// <remarks>
/// Not transient, except HTTP 408 (the server timed out waiting for the request). The message includes the server's
/// own explanation; <see cref="LlmException.ServerMessage"/> holds it alone.
/// </remarks>
public sealed class LlmRequestException : LlmException
{
    /// <summary>Initializes a new instance of the <see cref="LlmRequestException"/> class with a default message.</summary>
    public LlmRequestException()
        : this("The model server rejected the request as invalid.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmRequestException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    public LlmRequestException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmRequestException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    /// <param name="innerException">The exception the OpenAI SDK threw, if any.</param>
    public LlmRequestException(string message, Exception? innerException)
        : this(message, statusCode: 400, serverMessage: null, serverErrorCode: null, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmRequestException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    /// <param name="statusCode">The HTTP status code, 400–499.</param>
    /// <param name="serverMessage">The error message from the server's error body, if any.</param>
    /// <param name="serverErrorCode">The error code from the server's error body, if any.</param>
    /// <param name="innerException">The exception the OpenAI SDK threw, if any.</param>
    public LlmRequestException(string message, int statusCode, string? serverMessage, string? serverErrorCode, Exception? innerException)
        : base(message, isTransient: statusCode == 408, statusCode, serverMessage, serverErrorCode, innerException)
    {
    }
}
