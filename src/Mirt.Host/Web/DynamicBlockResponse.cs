using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mirt.Host.Web;

/// <summary>
/// Shapes a Dynamic Block v2 answer for Instagram: at most 10 text messages of at most 1000 UTF-8 bytes each
/// (see MANYCHAT.md).
/// </summary>
/// <param name="Version">Always <c>v2</c>.</param>
/// <param name="Content">The Instagram content.</param>
public sealed record DynamicBlockResponse(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("content")] DynamicBlockContent Content)
{
    /// <summary>Gets the most messages one answer may carry.</summary>
    public const int MaxMessages = 10;

    /// <summary>Gets the serialiser options of every answer: Cyrillic stays readable UTF-8 (half the bytes of escapes).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions IndentedOptions = new(JsonOptions) { WriteIndented = true };

    /// <summary>Serialises the answer as ManyChat receives it.</summary>
    /// <param name="indented">Indents the JSON, for golden files.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(this, indented ? IndentedOptions : JsonOptions);

    /// <summary>Builds the answer from reply bubbles; bubbles past the tenth are joined into the last message.</summary>
    /// <param name="bubbles">The bubbles, each already within the byte limit.</param>
    /// <returns>The answer.</returns>
    public static DynamicBlockResponse FromBubbles(IReadOnlyList<string> bubbles)
    {
        ArgumentNullException.ThrowIfNull(bubbles);
        var texts = bubbles.Count <= MaxMessages
            ? bubbles
            : [.. bubbles.Take(MaxMessages - 1), string.Join("\n\n", bubbles.Skip(MaxMessages - 1))];
        return new DynamicBlockResponse("v2", new DynamicBlockContent("instagram", [.. texts.Select(t => new DynamicBlockMessage("text", t))]));
    }
}
