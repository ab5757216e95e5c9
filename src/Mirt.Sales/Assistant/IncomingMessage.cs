namespace Mirt.Sales.Assistant;

/// <summary>
/// Carries one customer message to the assistant.
/// </summary>
/// <param name="ThreadId">Identifies the conversation (for ManyChat: the subscriber id); must not be empty.</param>
/// <param name="Text">The message text; empty when only an image came.</param>
/// <param name="ImageUrl">The URL of an attached image, or <see langword="null"/>.</param>
/// <param name="FirstName">The customer's first name, or <see langword="null"/>.</param>
/// <param name="StartState">For a new thread only: the conversation state to begin in (testing one message in context).</param>
public sealed record IncomingMessage(string ThreadId, string Text, string? ImageUrl = null, string? FirstName = null, string? StartState = null);
