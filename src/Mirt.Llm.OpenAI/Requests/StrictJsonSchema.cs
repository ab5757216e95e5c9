using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Mirt.Llm.OpenAI.Requests;

/// <summary>
/// Rewrites JSON schemas into the subset OpenAI structured outputs accept, the way the official adapter does, and
/// reads the <c>strict</c> switch.
/// </summary>
/// <remarks>
/// The rewrite forbids additional properties, requires every property, turns boolean schemas into objects, and moves
/// <c>default</c> and the keywords strict mode rejects (<c>pattern</c>, <c>minimum</c>, <c>maxLength</c>, …) into the
/// description so the model still reads them. It is applied to every JSON-schema response format and to tool
/// parameters when strict is on. Validation of the reply stays the caller's job.
/// </remarks>
internal static class StrictJsonSchema
{
    /// <summary>The <c>AdditionalProperties</c> key (on a tool or on <see cref="ChatOptions"/>) whose <see cref="bool"/> value asks for strict schema handling.</summary>
    public const string StrictKey = "strict";

    private static readonly string[] UnsupportedKeywords =
    [
        "contentEncoding", "contentMediaType", "not",
        "minLength", "maxLength", "pattern", "format",
        "minimum", "maximum", "multipleOf",
        "patternProperties", "minItems", "maxItems",
        "unevaluatedProperties", "propertyNames", "minProperties", "maxProperties",
        "unevaluatedItems", "contains", "minContains", "maxContains", "uniqueItems",
    ];

    /// <summary>Gets the cache of rewritten schemas; thread-safe and keyed by the function or response format instance.</summary>
    public static AIJsonSchemaTransformCache Cache { get; } = new(new AIJsonSchemaTransformOptions
    {
        DisallowAdditionalProperties = true,
        ConvertBooleanSchemas = true,
        MoveDefaultKeywordToDescription = true,
        RequireAllProperties = true,
        TransformSchemaNode = static (_, node) => MoveUnsupportedKeywordsToDescription(node),
    });

    /// <summary>Reads the strict switch from <paramref name="properties"/>.</summary>
    /// <param name="properties">A tool's or the call's additional properties.</param>
    /// <returns>The <see cref="bool"/> under <see cref="StrictKey"/>, or <see langword="null"/> when it is absent or not a <see cref="bool"/>.</returns>
    public static bool? IsStrict(IReadOnlyDictionary<string, object?>? properties) =>
        properties is not null && properties.TryGetValue(StrictKey, out var value) && value is bool strict ? strict : null;

    private static JsonNode MoveUnsupportedKeywordsToDescription(JsonNode node)
    {
        if (node is not JsonObject schema)
        {
            return node;
        }

        StringBuilder? moved = null;
        foreach (var keyword in UnsupportedKeywords)
        {
            if (schema[keyword] is { } value)
            {
                _ = schema.Remove(keyword);
                moved ??= new StringBuilder();
                if (moved.Length > 0)
                {
                    _ = moved.Append('\n');
                }

                _ = moved.Append(keyword).Append(": ").Append(value.ToJsonString());
            }
        }

        if (moved is not null)
        {
            schema["description"] = schema["description"] is JsonValue description && description.GetValueKind() == JsonValueKind.String
                ? $"{description.GetValue<string>()}\n{moved}"
                : moved.ToString();
        }

        return schema;
    }
}
