using Mirt.Llm.Errors;

namespace Mirt.Llm.Fallback;

/// <summary>
/// Configures <see cref="FallbackChatClient"/>: the models tried, in order, after the primary model fails.
/// </summary>
/// <remarks>The primary model is the call's <c>ChatOptions.ModelId</c>, or the inner client's default model when the call
/// names none (<c>MIRT_LLM_MODEL</c> for the OpenAI adapter); the fallback models are usually just
/// <c>MIRT_LLM_FALLBACK_MODEL</c>. Immutable; validated once when added to a pipeline.</remarks>
public sealed record FallbackOptions
{
    /// <summary>Gets the models tried after the primary fails, in order, on the same inner client (at most 5, none
    /// empty). A model equal to the call's primary is skipped. Empty turns fallback off: the primary's failure then
    /// surfaces as <see cref="LlmUnavailableException"/> at once.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>Gets how a failure is named in <see cref="LlmUnavailableException.Reason"/> and the
    /// <c>llm_fallback</c> log line, or <see langword="null"/> for <see cref="LlmErrorClassifier.ReasonOf"/>.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Func<Exception, LlmFailureReason>? ReasonOf { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is invalid; the message names it.</exception>
    internal void Validate()
    {
        if (Models is null || Models.Count > 5 || Models.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException(
                "FallbackOptions.Models must hold at most 5 model names, none empty; list the fallback models in the order they should be tried.",
                "options");
        }
    }
}
