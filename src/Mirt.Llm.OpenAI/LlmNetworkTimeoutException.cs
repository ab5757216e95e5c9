namespace Mirt.Llm.OpenAI;

/// <summary>
/// Represents a call abandoned because the server sent nothing for longer than
/// <see cref="OpenAIChatClientOptions.NetworkTimeout"/>.
/// </summary>
/// <remarks>
/// Always transient. This is the per-attempt network timeout only; when the caller's own
/// <see cref="CancellationToken"/> fires (the turn deadline), the adapter throws
/// <see cref="OperationCanceledException"/> instead, so the two are never confused.
/// </remarks>
public sealed class LlmNetworkTimeoutException : LlmException
{
    /// <summary>Initializes a new instance of the <see cref="LlmNetworkTimeoutException"/> class with a default message.</summary>
    public LlmNetworkTimeoutException()
        : this("The model server did not answer within the network timeout.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmNetworkTimeoutException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    public LlmNetworkTimeoutException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LlmNetworkTimeoutException"/> class.</summary>
    /// <param name="message">A full sentence naming what failed and how to fix it.</param>
    /// <param name="innerException">The cancellation the OpenAI SDK threw when its timeout elapsed.</param>
    public LlmNetworkTimeoutException(string message, Exception? innerException)
        : base(message, isTransient: true, statusCode: null, serverMessage: null, serverErrorCode: null, innerException)
    {
    }
}
