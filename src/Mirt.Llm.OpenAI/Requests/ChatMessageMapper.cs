using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;

namespace Mirt.Llm.OpenAI.Requests;

/// <summary>Maps a conversation in Microsoft.Extensions.AI form to OpenAI chat messages.</summary>
/// <remarks>
/// System, developer and user messages keep their parts; assistant messages carry text and tool calls
/// (<see cref="FunctionCallContent"/>, arguments serialized as JSON) and a refusal (<see cref="ErrorContent"/> with
/// code <c>Refusal</c>); each <see cref="FunctionResultContent"/> in a tool message becomes its own tool message.
/// <see cref="ChatOptions.Instructions"/> become a leading system message. Messages in any other role are dropped,
/// as in the official adapter.
/// </remarks>
internal static class ChatMessageMapper
{
    /// <summary>The role OpenAI calls <c>developer</c>, which Microsoft.Extensions.AI has no constant for.</summary>
    public static ChatRole Developer { get; } = new("developer");

    /// <summary>Maps <paramref name="messages"/> in order, after the instructions in <paramref name="options"/>.</summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="options">The call options; only <see cref="ChatOptions.Instructions"/> is read.</param>
    /// <returns>The OpenAI messages.</returns>
    public static List<OpenAIChatMessage> ToOpenAI(IEnumerable<AIChatMessage> messages, ChatOptions? options)
    {
        var result = new List<OpenAIChatMessage>();
        if (options?.Instructions is { } instructions && !string.IsNullOrWhiteSpace(instructions))
        {
            result.Add(new SystemChatMessage(instructions));
        }

        foreach (var message in messages)
        {
            if (message.RawRepresentation is OpenAIChatMessage raw)
            {
                result.Add(raw);
            }
            else if (message.Role == ChatRole.Tool)
            {
                AddToolResults(message, result);
            }
            else if (message.Role == ChatRole.Assistant)
            {
                result.Add(ToAssistant(message));
            }
            else if (ToInput(message) is { } input)
            {
                result.Add(input);
            }
        }

        return result;
    }

    private static OpenAIChatMessage? ToInput(AIChatMessage message)
    {
        var name = ParticipantName.Sanitize(message.AuthorName);
        if (message.Role == ChatRole.System)
        {
            return new SystemChatMessage(ContentPartMapper.ToParts(message.Contents)) { ParticipantName = name };
        }

        if (message.Role == ChatRole.User)
        {
            return new UserChatMessage(ContentPartMapper.ToParts(message.Contents)) { ParticipantName = name };
        }

#pragma warning disable OPENAI001 // The developer role is marked experimental in the SDK; the official adapter maps it too.
        return message.Role == Developer
            ? new DeveloperChatMessage(ContentPartMapper.ToParts(message.Contents)) { ParticipantName = name }
            : null;
#pragma warning restore OPENAI001
    }

    private static void AddToolResults(AIChatMessage message, List<OpenAIChatMessage> result)
    {
        foreach (var content in message.Contents)
        {
            if (content is FunctionResultContent functionResult)
            {
                result.Add(new ToolChatMessage(functionResult.CallId, ResultText(functionResult.Result)));
            }
        }
    }

    private static string ResultText(object? value)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case string text:
                return text;
        }

        try
        {
            return JsonSerializer.Serialize(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object)));
        }
        catch (NotSupportedException)
        {
            // A result type the serializer cannot write is sent empty, as the official adapter does.
            return string.Empty;
        }
    }

    private static AssistantChatMessage ToAssistant(AIChatMessage message)
    {
        List<ChatMessageContentPart>? parts = null;
        List<ChatToolCall>? toolCalls = null;
        string? refusal = null;
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case ErrorContent { ErrorCode: "Refusal" } error:
                    refusal = error.Message;
                    break;
                case FunctionCallContent call:
                    (toolCalls ??= []).Add(ChatToolCall.CreateFunctionToolCall(call.CallId, call.Name, ArgumentsJson(call)));
                    break;
                default:
                    if (ContentPartMapper.ToPart(content) is { } part)
                    {
                        (parts ??= []).Add(part);
                    }

                    break;
            }
        }

        var assistant = parts is not null ? new AssistantChatMessage(parts)
            : toolCalls is not null ? new AssistantChatMessage(toolCalls)
            : new AssistantChatMessage(ChatMessageContentPart.CreateTextPart(string.Empty));
        if (parts is not null && toolCalls is not null)
        {
            foreach (var call in toolCalls)
            {
                assistant.ToolCalls.Add(call);
            }
        }

        assistant.ParticipantName = ParticipantName.Sanitize(message.AuthorName);
        assistant.Refusal = refusal;
        return assistant;
    }

    private static BinaryData ArgumentsJson(FunctionCallContent call) =>
        new(JsonSerializer.SerializeToUtf8Bytes(
            call.Arguments,
            AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>))));
}
