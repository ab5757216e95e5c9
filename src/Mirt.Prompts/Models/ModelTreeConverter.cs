using System.Text.Json;

namespace Mirt.Prompts.Models;

/// <summary>
/// Turns a model into the tree Handlebars renders: dictionaries with camelCase keys, lists and primitives.
/// One <see cref="JsonSerializer.SerializeToElement(object?, System.Text.Json.Serialization.Metadata.JsonTypeInfo)"/>
/// followed by one walk.
/// </summary>
internal static class ModelTreeConverter
{
    /// <summary>Converts <paramref name="model"/> using the contract of <paramref name="modelType"/>.</summary>
    public static object? ToTree(object model, Type modelType)
    {
        var element = JsonSerializer.SerializeToElement(model, ModelJson.Options.GetTypeInfo(modelType));
        return Convert(element);
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ConvertObject(element),
        JsonValueKind.Array => ConvertArray(element),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => ConvertNumber(element),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static Dictionary<string, object?> ConvertObject(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = Convert(property.Value);
        }

        return result;
    }

    private static List<object?> ConvertArray(JsonElement element)
    {
        var result = new List<object?>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            result.Add(Convert(item));
        }

        return result;
    }

    private static object ConvertNumber(JsonElement element)
    {
        if (element.TryGetInt64(out var whole))
        {
            return whole;
        }

        return element.TryGetDecimal(out var exact) ? exact : element.GetDouble();
    }
}
