namespace Mirt.Host.ManyChat;

/// <summary>
/// Names one public-API endpoint the client calls: its log name, its path under the API address, and which rate limit
/// it counts against (<c>sendContent</c> 25/s, the tag and field calls 10/s, MANYCHAT.md).
/// </summary>
/// <param name="Name">The stable name in logs.</param>
/// <param name="Path">The path relative to the API address.</param>
/// <param name="IsSend">Whether the call counts against the <c>sendContent</c> limit rather than the tag/field one.</param>
internal sealed record ManyChatEndpoint(string Name, string Path, bool IsSend)
{
    public static ManyChatEndpoint SendContent { get; } = new("send_content", "fb/sending/sendContent", IsSend: true);

    public static ManyChatEndpoint AddTag { get; } = new("add_tag", "fb/subscriber/addTagByName", IsSend: false);

    public static ManyChatEndpoint RemoveTag { get; } = new("remove_tag", "fb/subscriber/removeTagByName", IsSend: false);

    public static ManyChatEndpoint SetField { get; } = new("set_field", "fb/subscriber/setCustomFieldByName", IsSend: false);
}
