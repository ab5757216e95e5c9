using System.Globalization;
using System.Text.Json;

namespace Mirt.Nodes.Compose.Validation;

/// <summary>
/// Checks a JSON value against the subset of JSON Schema that <c>StructuredReplySchema.json</c> uses: <c>type</c>
/// (one or a list), <c>enum</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties: false</c>,
/// <c>items</c>, <c>minItems</c>, <c>maxItems</c>, <c>minLength</c>, <c>maxLength</c>, <c>minimum</c>, <c>maximum</c>.
/// Checking against the very schema sent to the model means the two can never disagree.
/// </summary>
internal static class JsonSchemaCheck
{
    public static void Check(JsonElement value, JsonElement schema, string path, List<ReplyError> errors)
    {
        if (!TypeMatches(value, schema, path, errors))
        {
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            var names = string.Join(", ", allowed.EnumerateArray().Select(a => a.ToString()));
            errors.Add(Error($"{path} is {Describe(value)}, which is not allowed; use one of {names}."));
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(value, schema, path, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(value, schema, path, errors);
                break;
            case JsonValueKind.String:
                CheckLength(value.GetString()!, schema, path, errors);
                break;
            case JsonValueKind.Number:
                CheckRange(value.GetDouble(), schema, path, errors);
                break;
        }
    }

    private static bool TypeMatches(JsonElement value, JsonElement schema, string path, List<ReplyError> errors)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return true;
        }

        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
        if (types.Any(t => Is(value, t)))
        {
            return true;
        }

        errors.Add(Error($"{path} must be {string.Join(" or ", types.Select(Article))} but is {Describe(value)}."));
        return false;
    }

    private static void CheckObject(JsonElement value, JsonElement schema, string path, List<ReplyError> errors)
    {
        var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add(Error($"{Join(path, name)} is missing; every field of the schema is required (use null where the schema allows it)."));
                }
            }
        }

        var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(property.Value, propertySchema, Join(path, property.Name), errors);
            }
            else if (closed)
            {
                errors.Add(Error($"{Join(path, property.Name)} is not part of the schema; remove it."));
            }
        }
    }

    private static void CheckArray(JsonElement value, JsonElement schema, string path, List<ReplyError> errors)
    {
        var count = value.GetArrayLength();
        if (schema.TryGetProperty("minItems", out var min) && count < min.GetInt32())
        {
            errors.Add(Error($"{path} has {count} item(s) but needs at least {min.GetInt32()}."));
        }

        if (schema.TryGetProperty("maxItems", out var max) && count > max.GetInt32())
        {
            errors.Add(Error($"{path} has {count} items but may have at most {max.GetInt32()}."));
        }

        if (schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(item, items, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), errors);
            }
        }
    }

    private static void CheckLength(string text, JsonElement schema, string path, List<ReplyError> errors)
    {
        if (schema.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32())
        {
            errors.Add(Error($"{path} is shorter than {min.GetInt32()} character(s)."));
        }

        if (schema.TryGetProperty("maxLength", out var max) && text.Length > max.GetInt32())
        {
            errors.Add(Error($"{path} is {text.Length} characters long, over the limit of {max.GetInt32()}."));
        }
    }

    private static void CheckRange(double number, JsonElement schema, string path, List<ReplyError> errors)
    {
        if ((schema.TryGetProperty("minimum", out var min) && number < min.GetDouble()) || (schema.TryGetProperty("maximum", out var max) && number > max.GetDouble()))
        {
            var low = schema.TryGetProperty("minimum", out var lo) ? lo.ToString() : "-inf";
            var high = schema.TryGetProperty("maximum", out var hi) ? hi.ToString() : "inf";
            errors.Add(Error(string.Create(CultureInfo.InvariantCulture, $"{path} is {number}, outside {low}..{high}.")));
        }
    }

    private static bool Is(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => false,
    };

    private static string Article(string type) => type switch
    {
        "object" or "array" or "integer" => "an " + type,
        "null" => "null",
        _ => "a " + type,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => "the number " + value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "\u2026");

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static ReplyError Error(string message) => new(ReplyRules.Schema, "The field " + message);
}
