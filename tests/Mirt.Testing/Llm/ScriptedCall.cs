using Microsoft.Extensions.AI;

namespace Mirt.Testing.Llm;

/// <summary>One call a <see cref="ScriptedChatClient"/> received.</summary>
/// <param name="Index">The call's position, 0 for the first.</param>
/// <param name="Node">The calling node (<c>mirt.node</c>).</param>
/// <param name="Messages">The messages sent.</param>
/// <param name="Options">The options sent.</param>
/// <param name="Entry">The script line that answered, or <see langword="null"/> when none was left.</param>
public sealed record ScriptedCall(int Index, string Node, IReadOnlyList<ChatMessage> Messages, ChatOptions? Options, ScriptEntry? Entry);
