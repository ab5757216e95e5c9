using Microsoft.Extensions.AI;

namespace Mirt.Llm.Diagnostics;

/// <summary>
/// Collects what the metrics and logging middleware report about one call: the model that answered, the token usage,
/// the finish reason, and (only when asked, for Trace) the reply text; from a whole response or from stream updates.
/// </summary>
/// <remarks>One instance per call; not thread-safe.</remarks>
internal sealed class CallObservation
{
    private readonly string _requestedModel;
    private readonly System.Text.StringBuilder? _text;

    /// <summary>Starts observing a call.</summary>
    /// <param name="inner">The client the call goes to; its default model names a call that names none.</param>
    /// <param name="options">The call's options.</param>
    /// <param name="keepText">Whether to keep the reply text of a streamed call.</param>
    public CallObservation(IChatClient inner, ChatOptions? options, bool keepText = false)
    {
        _requestedModel = new[] { options?.ModelId, inner.GetService<ChatClientMetadata>()?.DefaultModelId }
            .FirstOrDefault(m => !string.IsNullOrWhiteSpace(m)) ?? LlmCallProperties.Unknown;
        _text = keepText ? new System.Text.StringBuilder() : null;
    }

    /// <summary>Gets the model that answered (as the provider names it), or the one requested until an answer names it.</summary>
    public string Model { get; private set; } = string.Empty;

    /// <summary>Gets the token usage, or <see langword="null"/> when the provider reported none.</summary>
    public UsageDetails? Usage { get; private set; }

    /// <summary>Gets the finish reason, or <see langword="null"/> when none was reported.</summary>
    public ChatFinishReason? FinishReason { get; private set; }

    /// <summary>Gets the reply text of a streamed call when kept.</summary>
    public string Text => _text?.ToString() ?? string.Empty;

    /// <summary>Gets the model label: the answering model, else the requested one.</summary>
    public string ModelLabel => Model.Length > 0 ? Model : _requestedModel;

    /// <summary>Takes the facts of a whole response.</summary>
    /// <param name="response">The response.</param>
    public void Observe(ChatResponse response)
    {
        if (!string.IsNullOrWhiteSpace(response.ModelId))
        {
            Model = response.ModelId;
        }

        Usage = response.Usage;
        FinishReason = response.FinishReason;
    }

    /// <summary>Takes the facts of one stream update; usage arrives as <see cref="UsageContent"/>.</summary>
    /// <param name="update">The update.</param>
    public void Observe(ChatResponseUpdate update)
    {
        if (!string.IsNullOrWhiteSpace(update.ModelId))
        {
            Model = update.ModelId;
        }

        FinishReason = update.FinishReason ?? FinishReason;
        foreach (var content in update.Contents)
        {
            if (content is UsageContent usage)
            {
                Usage ??= new UsageDetails();
                Usage.Add(usage.Details);
            }
        }

        _text?.Append(update.Text);
    }
}
