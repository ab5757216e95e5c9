using Microsoft.Extensions.AI;
using Mirt.Llm.OpenAI.Requests;
using OpenAI.Chat;

namespace Mirt.Llm.OpenAI.Responses;

/// <summary>Maps OpenAI message roles to <see cref="ChatRole"/>.</summary>
internal static class RoleMapper
{
    /// <summary>Maps system, user, assistant, tool and developer; any other role keeps its name.</summary>
    /// <param name="role">The OpenAI role.</param>
    /// <returns>The matching <see cref="ChatRole"/>.</returns>
#pragma warning disable OPENAI001 // The developer role is marked experimental in the SDK; the official adapter maps it too.
    public static ChatRole FromOpenAI(ChatMessageRole role) => role switch
    {
        ChatMessageRole.System => ChatRole.System,
        ChatMessageRole.User => ChatRole.User,
        ChatMessageRole.Assistant => ChatRole.Assistant,
        ChatMessageRole.Tool => ChatRole.Tool,
        ChatMessageRole.Developer => ChatMessageMapper.Developer,
        _ => new ChatRole(role.ToString()),
    };
#pragma warning restore OPENAI001
}
