namespace Mirt.Llm.Errors;

/// <summary>
/// Reports that no model answered an LLM call: the primary and every fallback model failed, or the call ran out of its
/// deadline (<see cref="LlmTimeoutException"/>). The caller replies in degraded (rule-only) mode and labels the
/// degraded reply with <see cref="Reason"/>.
/// </summary>
/// <remarks>The message never holds customer text, media URLs or credentials: it names the reason and the models
/// only. The first failure is the <see cref="Exception.InnerException"/>; do not log its message, which comes from the
/// provider and may echo request details.</remarks>
public class LlmUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why no model answered.</param>
    /// <param name="models">The models tried, primary first (may be empty when unknown).</param>
    /// <param name="message">The message: a full sentence naming the reason and the models, never customer text.</param>
    /// <param name="innerException">The failure of the primary model, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="models"/> is <see langword="null"/>.</exception>
    public LlmUnavailableException(LlmFailureReason reason, IReadOnlyList<string> models, string message, Exception? innerException)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(models);
        Reason = reason;
        Models = models;
    }

    /// <summary>Creates the exception with a message only; the reason is <see cref="LlmFailureReason.Error"/>.</summary>
    /// <param name="message">The message.</param>
    public LlmUnavailableException(string message)
        : this(LlmFailureReason.Error, [], message, null)
    {
    }

    /// <summary>Creates the exception with a message and the cause; the reason is <see cref="LlmFailureReason.Error"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LlmUnavailableException(string message, Exception innerException)
        : this(LlmFailureReason.Error, [], message, innerException)
    {
    }

    /// <summary>Creates the exception without details; the reason is <see cref="LlmFailureReason.Error"/>.</summary>
    public LlmUnavailableException()
        : this("No LLM model answered; reply in degraded (rule-only) mode.")
    {
    }

    /// <summary>Gets why no model answered.</summary>
    public LlmFailureReason Reason { get; }

    /// <summary>Gets the models tried, primary first; empty when unknown.</summary>
    public IReadOnlyList<string> Models { get; }
}
