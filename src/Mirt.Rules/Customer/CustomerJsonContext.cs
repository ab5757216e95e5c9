using System.Text.Json.Serialization;

namespace Mirt.Rules.Customer;

/// <summary>
/// Generates the reader for <c>Data/cities.json</c>: snake_case names, comments and trailing commas allowed.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(CitiesFileJson))]
internal sealed partial class CustomerJsonContext : JsonSerializerContext;
