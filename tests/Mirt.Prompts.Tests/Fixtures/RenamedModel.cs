using System.Text.Json.Serialization;

namespace Mirt.Prompts.Tests.Fixtures;

public sealed record RenamedModel(
    [property: JsonPropertyName("title")] string Heading,
    [property: JsonIgnore] string Secret,
    DateTime? When,
    IReadOnlyDictionary<string, int> Counts,
    object? Extra);
