using System.Text.Json.Serialization;

namespace Mirt.Rules.Sizing;

/// <summary>
/// Generates the reader for the height lexicon in <c>Data/catalog.json</c>: snake_case names, comments allowed.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(HeightLexiconFileJson))]
internal sealed partial class SizingJsonContext : JsonSerializerContext;
