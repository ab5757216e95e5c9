namespace Mirt.Host.Web;

/// <summary>
/// Holds a validated Dynamic Block request: the fields we ask ManyChat to send (see the README), with unfilled
/// <c>{{…}}</c> variables already turned into <see langword="null"/> and control characters dropped from the text and
/// names (see <see cref="ManyChatRequestParser"/> for every rule).
/// </summary>
/// <param name="SubscriberId">The ManyChat contact id; the conversation thread.</param>
/// <param name="Text">The message text, empty when only an image came.</param>
/// <param name="ImageUrl">The image URL (from <c>image_url</c>, or a media URL in <c>last_input_text</c>).</param>
/// <param name="FirstName">The customer's first name, or <see langword="null"/>.</param>
/// <param name="IgUsername">The Instagram user name, or <see langword="null"/>.</param>
public sealed record ManyChatRequest(string SubscriberId, string Text, string? ImageUrl, string? FirstName, string? IgUsername);
