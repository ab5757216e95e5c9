using System.Text.Json.Serialization;

namespace Mirt.Rules.Catalog;

/// <summary>
/// Generates the reader for <c>Data/catalog.json</c>: snake_case names, comments and trailing commas allowed.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(CatalogJson))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
