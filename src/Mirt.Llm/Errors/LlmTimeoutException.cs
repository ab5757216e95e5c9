namespace Mirt.Llm.Errors;

/// <summary>
/// Reports that an LLM call did not finish within its deadline (see <c>Mirt.Llm.Deadline.DeadlineChatClient</c>);
/// its <see cref="LlmUnavailableException.Reason"/> is <see cref="LlmFailureReason.Timeout"/>. The caller's own
/// cancellation is never reported this way: it stays an <see cref="OperationCanceledException"/>.
/// </summary>
/// <remarks>Deriving from <see cref="LlmUnavailableException"/> lets the caller handle "no model answered" in one
/// <c>catch</c>, while tests and logs can still tell a deadline apart.</remarks>
public sealed class LlmTimeoutException : LlmUnavailableException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="deadlineMs">The deadline that expired, in milliseconds.</param>
    /// <param name="innerException">What the inner client threw when the deadline cancelled it, or <see langword="null"/>.</param>
    public LlmTimeoutException(int deadlineMs, Exception? innerException)
        : base(
            LlmFailureReason.Timeout,
            [],
            $"The LLM call did not finish within its {deadlineMs} ms deadline; reply in degraded (rule-only) mode, or raise the deadline (DeadlineOptions.TimeoutMs or the call's '{LlmCallProperties.DeadlineMs}' property) if the turn budget allows.",
            innerException) => DeadlineMs = deadlineMs;

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public LlmTimeoutException(string message)
        : base(LlmFailureReason.Timeout, [], message, null)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LlmTimeoutException(string message, Exception innerException)
        : base(LlmFailureReason.Timeout, [], message, innerException)
    {
    }

    /// <summary>Creates the exception without details.</summary>
    public LlmTimeoutException()
        : this("The LLM call did not finish within its deadline; reply in degraded (rule-only) mode.")
    {
    }

    /// <summary>Gets the deadline that expired, in milliseconds (0 when unknown).</summary>
    public int DeadlineMs { get; }
}
