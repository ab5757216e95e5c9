using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Mirt.Llm.OpenAI.Responses;

/// <summary>Maps a non-streaming <see cref="ChatCompletion"/> to a <see cref="ChatResponse"/>.</summary>
internal static class ChatCompletionMapper
{
    /// <summary>The <see cref="ErrorContent.ErrorCode"/> of a model refusal, as in the official adapter.</summary>
    public const string RefusalCode = "Refusal";

    /// <summary>
    /// Maps the message (text, images, tool calls as <see cref="FunctionCallContent"/>, a refusal as
    /// <see cref="ErrorContent"/>), the ids, model, creation time, finish reason and usage.
    /// </summary>
    /// <param name="completion">The completion; kept as <see cref="ChatResponse.RawRepresentation"/>.</param>
    /// <returns>A response with one message.</returns>
    public static ChatResponse ToChatResponse(ChatCompletion completion)
    {
        var message = new AIChatMessage
        {
            Role = RoleMapper.FromOpenAI(completion.Role),
            // Chat completions have no per-message id; the completion id identifies the one message.
            MessageId = completion.Id,
            CreatedAt = completion.CreatedAt,
            RawRepresentation = completion,
        };

        foreach (var part in completion.Content)
        {
            if (ContentMapper.ToContent(part) is { } content)
            {
                message.Contents.Add(content);
            }
        }

        foreach (var toolCall in completion.ToolCalls)
        {
            if (!string.IsNullOrWhiteSpace(toolCall.FunctionName))
            {
                var call = FunctionCallParser.Parse(toolCall.FunctionArguments, toolCall.Id, toolCall.FunctionName);
                call.RawRepresentation = toolCall;
                message.Contents.Add(call);
            }
        }

        if (completion.Refusal is { } refusal)
        {
            message.Contents.Add(new ErrorContent(refusal) { ErrorCode = RefusalCode });
        }

        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = FinishReasonMapper.FromOpenAI(completion.FinishReason),
            Usage = completion.Usage is { } usage ? UsageMapper.FromOpenAI(usage) : null,
            RawRepresentation = completion,
        };
    }
}
