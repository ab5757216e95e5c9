namespace Mirt.Llm.OpenAI;

/// <summary>
/// Represents a request the model server refused because of the credentials (HTTP 401 or 403).
/// </summary>
/// <remarks>Never transient: sending the same key again cannot succeed. Fix the API key or its permissions.</remarks>
public sealed class LlmAuthenticationException : LlmException
{
    /// <summary>Initializes a new instance of the <see cref="LlmAuthenticationException"/> class with a default message.</summary>
    public LlmAuthenticationException()
        : this("The model server rejected the API key. Check MIRT_LLM_API_KEY.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmAuthenticationException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    public LlmAuthenticationException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmAuthenticationException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    /// <param name="innerException">The exception the OpenAI SDK threw, if any.</param>
    public LlmAuthenticationException(string message, Exception? innerException)
        : this(message, statusCode: 401, serverMessage: null, serverErrorCode: null, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmAuthenticationException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    /// <param name="statusCode">The HTTP status code: 401 or 403.</param>
    /// <param name="serverMessage">The error message from the server's error body, if any.</param>
    /// <param name="serverErrorCode">The error code from the server's error body, if any.</param>
    /// <param name="innerException">The exception the OpenAI SDK threw, if any.</param>
    public LlmAuthenticationException(string message, int statusCode, string? serverMessage, string? serverErrorCode, Exception? innerException)
        : base(message, isTransient: false, statusCode, serverMessage, serverErrorCode, innerException)
    {
    }
}
