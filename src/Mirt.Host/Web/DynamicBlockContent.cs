using System.Text.Json.Serialization;

namespace Mirt.Host.Web;

/// <summary>
/// Holds the messages of a Dynamic Block v2 answer.
/// </summary>
/// <param name="Type">Always <c>instagram</c>.</param>
/// <param name="Messages">The messages, in order.</param>
public sealed record DynamicBlockContent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("messages")] IReadOnlyList<DynamicBlockMessage> Messages);
