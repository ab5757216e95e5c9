using Microsoft.Extensions.AI;
using OpenAIFinishReason = OpenAI.Chat.ChatFinishReason;

namespace Mirt.Llm.OpenAI.Responses;

/// <summary>Maps OpenAI finish reasons to <see cref="ChatFinishReason"/>.</summary>
internal static class FinishReasonMapper
{
    /// <summary>Maps stop, length, content filter, and tool or function calls (both to <see cref="ChatFinishReason.ToolCalls"/>).</summary>
    /// <param name="reason">The OpenAI finish reason, or <see langword="null"/> when the server sent none (yet).</param>
    /// <returns>The matching reason, or <see langword="null"/>.</returns>
    public static ChatFinishReason? FromOpenAI(OpenAIFinishReason? reason) => reason switch
    {
        null => null,
        OpenAIFinishReason.Stop => ChatFinishReason.Stop,
        OpenAIFinishReason.Length => ChatFinishReason.Length,
        OpenAIFinishReason.ContentFilter => ChatFinishReason.ContentFilter,
        OpenAIFinishReason.ToolCalls or OpenAIFinishReason.FunctionCall => ChatFinishReason.ToolCalls,
        _ => new ChatFinishReason(reason.Value.ToString()),
    };
}
