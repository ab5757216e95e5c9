using System.Text.Json.Serialization;

namespace Mirt.Nodes.Vision.Recognition;

/// <summary>
/// Serialises <see cref="VisionAnswer"/> without reflection, with the snake_case names of the response schema.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(VisionAnswer))]
internal sealed partial class VisionJsonContext : JsonSerializerContext;
