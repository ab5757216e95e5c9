using System.Text.Json.Serialization;

namespace Mirt.Rules.Colors;

/// <summary>
/// Generates the reader for <c>Data/colors.json</c>: snake_case names, comments and trailing commas allowed.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ColorsFileJson))]
internal sealed partial class ColorsJsonContext : JsonSerializerContext;
