namespace Mirt.Nodes.Abstractions.State;

/// <summary>
/// Carries one customer message into a turn.
/// </summary>
/// <param name="Text">The text as the customer wrote it; empty when only a photo came.</param>
/// <param name="ImageUrl">The URL of an attached image, or <see langword="null"/>.</param>
/// <param name="FirstName">The customer's first name from Instagram, or <see langword="null"/> when unknown.</param>
public sealed record CustomerMessage(string Text, string? ImageUrl, string? FirstName)
{
    /// <summary>Gets a value indicating whether an image came with the message.</summary>
    public bool HasImage => !string.IsNullOrWhiteSpace(ImageUrl);
}
