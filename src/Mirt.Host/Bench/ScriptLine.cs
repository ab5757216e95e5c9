using System.Text.Json.Serialization;

namespace Mirt.Host.Bench;

/// <summary>One customer message of the bench dialogue.</summary>
/// <param name="FirstName">The name ManyChat sends as <c>first_name</c>.</param>
/// <param name="Text">The message text.</param>
/// <param name="ImageUrl">The photo's URL, or <see langword="null"/> for a text message.</param>
internal sealed record ScriptLine(
    [property: JsonPropertyName("first_name")] string FirstName,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("image_url")] string? ImageUrl);
