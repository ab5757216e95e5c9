using System.Text.Json.Serialization;

namespace Mirt.Host.Web;

/// <summary>
/// Holds one text message of a Dynamic Block v2 answer.
/// </summary>
/// <param name="Type">Always <c>text</c>.</param>
/// <param name="Text">The text, at most 1000 UTF-8 bytes.</param>
public sealed record DynamicBlockMessage(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string Text);
