using System.Text.Json;
using System.Text.Json.Serialization;
using Mirt.Host.Web;

namespace Mirt.Host.ManyChat;

/// <summary>
/// Serialises the request bodies of the public API: <c>{"subscriber_id":…, …}</c> with the subscriber as a JSON number,
/// as ManyChat's API expects, and Cyrillic as plain UTF-8 (<see cref="DynamicBlockResponse.JsonOptions"/>).
/// </summary>
internal static class ManyChatBodies
{
    public static byte[] SendContent(long subscriberId, DynamicBlockContent content) =>
        JsonSerializer.SerializeToUtf8Bytes(new SendContentBody(subscriberId, new DynamicBlockResponse("v2", content)), DynamicBlockResponse.JsonOptions);

    public static byte[] Tag(long subscriberId, string tagName) =>
        JsonSerializer.SerializeToUtf8Bytes(new TagBody(subscriberId, tagName), DynamicBlockResponse.JsonOptions);

    public static byte[] Field(long subscriberId, string fieldName, JsonElement value) =>
        JsonSerializer.SerializeToUtf8Bytes(new FieldBody(subscriberId, fieldName, value), DynamicBlockResponse.JsonOptions);

    private sealed record SendContentBody(
        [property: JsonPropertyName("subscriber_id")] long SubscriberId,
        [property: JsonPropertyName("data")] DynamicBlockResponse Data);

    private sealed record TagBody(
        [property: JsonPropertyName("subscriber_id")] long SubscriberId,
        [property: JsonPropertyName("tag_name")] string TagName);

    private sealed record FieldBody(
        [property: JsonPropertyName("subscriber_id")] long SubscriberId,
        [property: JsonPropertyName("field_name")] string FieldName,
        [property: JsonPropertyName("field_value")] JsonElement FieldValue);
}
