using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Mirt.Llm.OpenAI.Requests;

/// <summary>Maps <see cref="ChatOptions"/> to <see cref="ChatCompletionOptions"/>.</summary>
/// <remarks>
/// Mapped: model override, temperature, top-p, max output tokens, stop sequences, seed, frequency and presence
/// penalties, reasoning effort, response format, function tools, tool mode and parallel tool calls. Not mapped (no
/// chat-completions field, or not mapped by the official adapter either): <see cref="ChatOptions.TopK"/>,
/// <see cref="ChatOptions.ConversationId"/>, continuation tokens and other additional properties. When
/// <see cref="ChatOptions.RawRepresentationFactory"/> returns a <see cref="ChatCompletionOptions"/>, its values win.
/// </remarks>
internal static class ChatOptionsMapper
{
    /// <summary>Builds the SDK options for one call.</summary>
    /// <param name="options">The call options, or <see langword="null"/>.</param>
    /// <param name="client">The client passed to <see cref="ChatOptions.RawRepresentationFactory"/>.</param>
    /// <returns>A fresh or factory-made <see cref="ChatCompletionOptions"/>; never shared between calls.</returns>
    public static ChatCompletionOptions ToOpenAI(ChatOptions? options, IChatClient client)
    {
        if (options is null)
        {
            return new ChatCompletionOptions();
        }

        var result = options.RawRepresentationFactory?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
        result.Temperature ??= options.Temperature;
        result.TopP ??= options.TopP;
        result.MaxOutputTokenCount ??= options.MaxOutputTokens;
        result.FrequencyPenalty ??= options.FrequencyPenalty;
        result.PresencePenalty ??= options.PresencePenalty;
#pragma warning disable OPENAI001 // Seed and reasoning effort are marked experimental in the SDK; the official adapter maps both.
        result.Seed ??= options.Seed;
        result.ReasoningEffortLevel ??= ToReasoningEffort(options.Reasoning?.Effort);
#pragma warning restore OPENAI001
        SetModel(result, options.ModelId);

        if (options.StopSequences is { Count: > 0 } stops)
        {
            foreach (var stop in stops)
            {
                result.StopSequences.Add(stop);
            }
        }

        AddTools(result, options);
        result.ResponseFormat ??= ResponseFormatMapper.ToOpenAI(options.ResponseFormat, options);
        return result;
    }

    /// <summary>
    /// Sets the per-call model through the SDK's JSON patch, the only way: <see cref="ChatCompletionOptions"/> has no
    /// public model setter, and the patch replaces the client's default <c>model</c> in the request body.
    /// </summary>
    private static void SetModel(ChatCompletionOptions result, string? modelId)
    {
        if (string.IsNullOrWhiteSpace(modelId))
        {
            return;
        }

#pragma warning disable SCME0001 // JsonPatch is marked for evaluation; it is the SDK's documented way to set fields it does not expose.
        if (!result.Patch.TryGetValue("$.model"u8, out string? existing) || existing is null)
        {
            result.Patch.Set("$.model"u8, modelId);
        }
#pragma warning restore SCME0001
    }

    private static void AddTools(ChatCompletionOptions result, ChatOptions options)
    {
        if (options.Tools is not { Count: > 0 } tools)
        {
            return;
        }

        foreach (var tool in tools)
        {
            if (tool is AIFunctionDeclaration function)
            {
                result.Tools.Add(ToolMapper.ToChatTool(function, options));
            }
        }

        if (result.Tools.Count == 0)
        {
            return;
        }

        result.AllowParallelToolCalls ??= options.AllowMultipleToolCalls;
        result.ToolChoice ??= options.ToolMode switch
        {
            NoneChatToolMode => ChatToolChoice.CreateNoneChoice(),
            RequiredChatToolMode { RequiredFunctionName: { } name } => ChatToolChoice.CreateFunctionChoice(name),
            RequiredChatToolMode => ChatToolChoice.CreateRequiredChoice(),
            _ => ChatToolChoice.CreateAutoChoice(),
        };
    }

#pragma warning disable OPENAI001 // See above: reasoning effort is experimental in the SDK.
    private static ChatReasoningEffortLevel? ToReasoningEffort(ReasoningEffort? effort) => effort switch
    {
        ReasoningEffort.None => ChatReasoningEffortLevel.None,
        ReasoningEffort.Low => ChatReasoningEffortLevel.Low,
        ReasoningEffort.Medium => ChatReasoningEffortLevel.Medium,
        ReasoningEffort.High => ChatReasoningEffortLevel.High,
        ReasoningEffort.ExtraHigh => ChatReasoningEffortLevel.ExtraHigh,
        // Typed: a bare null would go through the SDK's implicit conversion from string and throw.
        _ => (ChatReasoningEffortLevel?)null,
    };
#pragma warning restore OPENAI001
}
