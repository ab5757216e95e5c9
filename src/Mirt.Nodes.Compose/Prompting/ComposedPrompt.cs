using Microsoft.Extensions.AI;

namespace Mirt.Nodes.Compose.Prompting;

/// <summary>
/// Holds one prompt ready to send: the chat messages, the templates that rendered them, and the instruction text the
/// reply must never repeat.
/// </summary>
/// <param name="Messages">The system message (instructions, facts, state summary, draft), the trimmed transcript and
/// the customer's message last; after a repair, the rejected answer and the repair request follow.</param>
/// <param name="Templates">The <c>llm/</c> templates rendered, in message order.</param>
/// <param name="InstructionText">The rendered instructions (persona, rules, contract, state guidance), for the leak check.</param>
public sealed record ComposedPrompt(IReadOnlyList<ChatMessage> Messages, IReadOnlyList<string> Templates, string InstructionText);
