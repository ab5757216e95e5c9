using System.Text.Json.Serialization;

namespace Mirt.Rules.Shop;

/// <summary>
/// Generates the reader for <c>Data/shop.json</c>: snake_case names, comments and trailing commas allowed.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ShopProfileJson))]
internal sealed partial class ShopJsonContext : JsonSerializerContext;
