using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace Mirt.Nodes.Compose.Contract;

/// <summary>
/// Holds the JSON schema the model answers (<c>StructuredReplySchema.json</c>, embedded) and the JSON contract of
/// <see cref="StructuredReply"/>: snake_case names, no unknown members. A test keeps the two equal.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public static class StructuredReplySchema
{
    /// <summary>Gets the schema name sent with the response format.</summary>
    public const string Name = "structured_reply";

    private const string ResourceName = "Mirt.Nodes.Compose.StructuredReplySchema.json";

    /// <summary>Gets the schema as JSON.</summary>
    public static JsonElement Schema { get; } = Load();

    /// <summary>Gets the response format to put in <see cref="ChatOptions.ResponseFormat"/>.</summary>
    public static ChatResponseFormatJson ResponseFormat { get; } = ChatResponseFormat.ForJsonSchema(Schema, Name);

    /// <summary>Gets the serializer options of the contract: snake_case names, unknown members rejected, nullable
    /// annotations and required constructor parameters respected.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateOptions();

    private static JsonElement Load()
    {
        using var stream = typeof(StructuredReplySchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing; check the EmbeddedResource item of Mirt.Nodes.Compose.csproj.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
