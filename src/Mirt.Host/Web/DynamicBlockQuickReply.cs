using System.Text.Json.Serialization;

namespace Mirt.Host.Web;

/// <summary>
/// Holds one quick reply of Dynamic Block v2 content: a button under the last message that jumps to a ManyChat node
/// (<c>node</c>, target = the node's name) or flow (<c>flow</c>, target = the flow's id).
/// </summary>
/// <param name="Type"><c>node</c> or <c>flow</c>.</param>
/// <param name="Caption">The button text; Instagram shows at most 20 characters (see MANYCHAT.md).</param>
/// <param name="Target">The node name or flow id.</param>
public sealed record DynamicBlockQuickReply(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("caption")] string Caption,
    [property: JsonPropertyName("target")] string Target);
