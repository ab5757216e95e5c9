using Microsoft.Extensions.AI;

namespace Mirt.Testing.Llm;

/// <summary>One call a <see cref="FakeChatClient"/> received.</summary>
/// <param name="Index">The call's position, 0 for the first.</param>
/// <param name="Messages">The messages, as passed.</param>
/// <param name="Options">The options, as passed (the very instance, so tests can check nobody changed it).</param>
/// <param name="Streaming">Whether the call was a streaming one.</param>
/// <param name="CancellationToken">The token the call received; a test checks it was cancelled.</param>
public sealed record FakeChatCall(int Index, IReadOnlyList<ChatMessage> Messages, ChatOptions? Options, bool Streaming, CancellationToken CancellationToken)
{
    /// <summary>Gets the model the call asked for, or <see langword="null"/> for the client's default.</summary>
    public string? ModelId => Options?.ModelId;
}
