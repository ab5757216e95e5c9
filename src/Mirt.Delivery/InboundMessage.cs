namespace Mirt.Delivery;

/// <summary>
/// Carries one customer message as the webhook accepted it, before any turn has seen it.
/// </summary>
/// <param name="SubscriberId">The customer (for ManyChat: the contact id); the conversation thread is named after it.</param>
/// <param name="Text">The message text; empty when only a photo came.</param>
/// <param name="ImageUrl">The photo URL, or <see langword="null"/>; stored for the turn, never logged.</param>
/// <param name="FirstName">The customer's first name, or <see langword="null"/>.</param>
/// <param name="ContentHash">The deduplication key of the content: a hex SHA-256 of text and photo URL (see
/// <see cref="ContentHashes.Of"/>). ManyChat sends no message id, so a re-delivery is recognised by subscriber and this
/// hash inside a short window (MANYCHAT.md).</param>
public sealed record InboundMessage(string SubscriberId, string Text, string? ImageUrl, string? FirstName, string ContentHash);
