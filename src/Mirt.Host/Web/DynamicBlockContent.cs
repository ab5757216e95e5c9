using System.Text.Json.Serialization;

namespace Mirt.Host.Web;

/// <summary>
/// Holds the messages of a Dynamic Block v2 answer (also the <c>content</c> of a pushed <c>sendContent</c> call).
/// </summary>
/// <param name="Type">Always <c>instagram</c>.</param>
/// <param name="Messages">The messages, in order; at most 10.</param>
/// <param name="Actions">The actions ManyChat runs with the content (tags, custom fields); at most 5, omitted from the
/// JSON when <see langword="null"/>. Instagram may refuse them in pushed content (see MANYCHAT.md).</param>
/// <param name="QuickReplies">The quick replies shown under the last message; at most 11, omitted from the JSON when
/// <see langword="null"/>.</param>
public sealed record DynamicBlockContent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("messages")] IReadOnlyList<DynamicBlockMessage> Messages,
    [property: JsonPropertyName("actions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DynamicBlockAction>? Actions = null,
    [property: JsonPropertyName("quick_replies"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DynamicBlockQuickReply>? QuickReplies = null)
{
    /// <summary>Gets whether the content carries actions or quick replies, the parts Instagram may refuse when pushed.</summary>
    [JsonIgnore]
    public bool HasExtras => Actions is { Count: > 0 } || QuickReplies is { Count: > 0 };

    /// <summary>Returns the same content without actions and quick replies.</summary>
    /// <returns>A copy with only the messages.</returns>
    public DynamicBlockContent WithoutExtras() => this with { Actions = null, QuickReplies = null };
}
