using System.Text;
using System.Text.Json;
using Mirt.Host.Web;

namespace Mirt.Host.Delivery;

/// <summary>
/// Converts between reply bubbles and the Dynamic Block content the outbox stores, and builds the webhook's answers.
/// </summary>
internal static class OutboxContent
{
    /// <summary>Gets the byte limit of one Instagram message (MANYCHAT.md: 1000 bytes of UTF-8).</summary>
    public const int MaxMessageBytes = 1000;

    /// <summary>Gets the answer with no message: ManyChat shows nothing (another webhook or a push answers).</summary>
    public static string EmptyAnswer { get; } = new DynamicBlockResponse("v2", new DynamicBlockContent("instagram", [])).ToJson();

    /// <summary>Serialises one bubble as the <c>content</c> of a push.</summary>
    /// <param name="text">The bubble.</param>
    /// <returns>The content JSON.</returns>
    public static string ForBubble(string text) =>
        JsonSerializer.Serialize(new DynamicBlockContent("instagram", [new DynamicBlockMessage("text", text)]), DynamicBlockResponse.JsonOptions);

    /// <summary>Reads stored content back.</summary>
    /// <param name="contentJson">The content JSON.</param>
    /// <returns>The content.</returns>
    /// <exception cref="JsonException">The JSON is not Dynamic Block content (a row written by something else).</exception>
    public static DynamicBlockContent Read(string contentJson) =>
        JsonSerializer.Deserialize<DynamicBlockContent>(contentJson, DynamicBlockResponse.JsonOptions) ?? throw new JsonException("The outbox content is null.");

    /// <summary>Builds the inline answer of a turn's reply rows.</summary>
    /// <param name="contents">The rows' content JSON, in sequence order.</param>
    /// <param name="fold">Whether to join bubbles into as few messages as fit <see cref="MaxMessageBytes"/> (Instagram
    /// may show only the first message of an answer).</param>
    /// <returns>The Dynamic Block answer JSON.</returns>
    public static string InlineAnswer(IEnumerable<string> contents, bool fold)
    {
        var texts = contents.SelectMany(c => Read(c).Messages).Select(m => m.Text).ToList();
        return DynamicBlockResponse.FromBubbles(fold ? Fold(texts) : texts).ToJson();
    }

    /// <summary>Builds an answer of one text (the acknowledgement).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The Dynamic Block answer JSON.</returns>
    public static string TextAnswer(string text) => DynamicBlockResponse.FromBubbles([text]).ToJson();

    /// <summary>Joins consecutive bubbles with a blank line while the result fits one message.</summary>
    /// <param name="bubbles">The bubbles, each within the limit.</param>
    /// <returns>The folded messages.</returns>
    public static IReadOnlyList<string> Fold(IReadOnlyList<string> bubbles)
    {
        var folded = new List<string>();
        var current = new StringBuilder();
        foreach (var bubble in bubbles)
        {
            if (current.Length > 0 && Encoding.UTF8.GetByteCount(current.ToString()) + 2 + Encoding.UTF8.GetByteCount(bubble) > MaxMessageBytes)
            {
                folded.Add(current.ToString());
                current.Clear();
            }

            current.Append(current.Length > 0 ? "\n\n" : string.Empty).Append(bubble);
        }

        if (current.Length > 0)
        {
            folded.Add(current.ToString());
        }

        return folded;
    }
}
