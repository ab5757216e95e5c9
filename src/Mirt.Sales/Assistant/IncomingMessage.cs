namespace Mirt.Sales.Assistant;

/// <summary>
/// Carries one customer message to the assistant.
/// </summary>
/// <param name="ThreadId">Identifies the conversation (for ManyChat: the subscriber id); must not be empty.</param>
/// <param name="Text">The message text; empty when only an image came.</param>
/// <param name="ImageUrl">The URL of an attached image, or <see langword="null"/>.</param>
/// <param name="FirstName">The customer's first name, or <see langword="null"/>.</param>
/// <param name="StartState">For a new thread only: the conversation state to begin in (testing one message in context).</param>
/// <param name="TurnId">A stable id of this turn (the delivery inbox's turn id), stored as the checkpoints'
/// <c>run_id</c>; with <paramref name="Resumed"/> it makes a turn safe to run again after a crash. <see langword="null"/>
/// for none.</param>
/// <param name="Resumed">Tells that <paramref name="TurnId"/> may have run before (its owner died): the assistant then
/// finishes the stored turn (or returns its stored reply) instead of applying the message a second time.</param>
public sealed record IncomingMessage(string ThreadId, string Text, string? ImageUrl = null, string? FirstName = null, string? StartState = null, string? TurnId = null, bool Resumed = false);
