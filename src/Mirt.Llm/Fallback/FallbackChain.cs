using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Mirt.Llm.Diagnostics;
using Mirt.Llm.Errors;

namespace Mirt.Llm.Fallback;

/// <summary>
/// Tracks one call through <see cref="FallbackChatClient"/>: the models to try, the options each attempt gets, and the
/// failures so far; turns the last failure into <see cref="LlmUnavailableException"/>.
/// </summary>
/// <remarks>One instance per call; not thread-safe.</remarks>
internal sealed class FallbackChain
{
    private readonly ChatOptions? _options;
    private readonly string? _defaultModel;
    private readonly List<string?> _models;
    private readonly Func<Exception, LlmFailureReason> _reasonOf;
    private readonly ILogger _logger;
    private Exception? _primaryFailure;
    private LlmFailureReason _primaryReason;

    /// <summary>Plans the attempts of one call.</summary>
    /// <param name="options">The caller's options; attempt 0 uses them as they are.</param>
    /// <param name="defaultModel">The inner client's default model, used when the call names none.</param>
    /// <param name="fallbacks">The fallback models in order.</param>
    /// <param name="reasonOf">Names a failure's reason.</param>
    /// <param name="logger">Receives the <c>llm_fallback</c> lines.</param>
    public FallbackChain(ChatOptions? options, string? defaultModel, IReadOnlyList<string> fallbacks, Func<Exception, LlmFailureReason> reasonOf, ILogger logger)
    {
        _options = options;
        _defaultModel = defaultModel;
        _reasonOf = reasonOf;
        _logger = logger;
        var primary = options?.ModelId ?? defaultModel;
        _models = [options?.ModelId, .. fallbacks.Where(m => !string.Equals(m, primary, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Gets the options of an attempt: the caller's for the primary, a clone naming the model otherwise.</summary>
    /// <param name="index">The attempt, 0 for the primary.</param>
    /// <returns>The options to pass on.</returns>
    public ChatOptions? OptionsFor(int index)
    {
        if (index == 0)
        {
            return _options;
        }

        var clone = _options?.Clone() ?? new ChatOptions();
        clone.ModelId = _models[index];
        return clone;
    }

    /// <summary>Names the model of an attempt for logs and the answer's <see cref="ChatResponse.ModelId"/>.</summary>
    /// <param name="index">The attempt, 0 for the primary.</param>
    /// <returns>The model requested, the inner client's default model, or <c>default</c> when neither is known.</returns>
    public string ModelName(int index) => _models[index] ?? _defaultModel ?? "default";

    /// <summary>Records a failed attempt: logs the switch to the next model, or throws when none is left.</summary>
    /// <param name="index">The attempt that failed.</param>
    /// <param name="exception">Its failure.</param>
    /// <exception cref="LlmUnavailableException">It was the last model.</exception>
    public void Failed(int index, Exception exception)
    {
        var reason = _reasonOf(exception);
        if (index == 0)
        {
            _primaryFailure = exception;
            _primaryReason = reason;
        }

        if (index + 1 < _models.Count)
        {
            LlmLog.Fallback(_logger, ModelName(index), ModelName(index + 1), reason.Value, exception.GetType().Name);
            return;
        }

        var tried = Enumerable.Range(0, _models.Count).Select(ModelName).ToArray();
        throw new LlmUnavailableException(
            _primaryReason,
            tried,
            $"No LLM model answered ({_primaryReason}); tried {string.Join(", ", tried)}. Reply in degraded (rule-only) mode; the inner exception is the primary model's failure.",
            _primaryFailure);
    }
}
