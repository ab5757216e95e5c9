namespace Mirt.Llm.OpenAI;

/// <summary>
/// Represents a call that failed before a complete response arrived: the connection was refused or reset, DNS
/// failed, or the stream ended early.
/// </summary>
/// <remarks>Always transient. <see cref="LlmException.StatusCode"/> is <see langword="null"/>.</remarks>
public sealed class LlmTransportException : LlmException
{
    /// <summary>Initializes a new instance of the <see cref="LlmTransportException"/> class with a default message.</summary>
    public LlmTransportException()
        : this("The model server could not be reached. Check MIRT_LLM_ENDPOINT and the network.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmTransportException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    public LlmTransportException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmTransportException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    /// <param name="innerException">The exception the transport threw.</param>
    public LlmTransportException(string message, Exception? innerException)
        : base(message, isTransient: true, statusCode: null, serverMessage: null, serverErrorCode: null, innerException)
    {
    }
}
