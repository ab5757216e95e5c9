using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Mirt.Prompts.Models;

/// <summary>Builds (and caches) the <see cref="ModelShape"/> of a CLR type from the JSON contract in <see cref="ModelJson"/>.</summary>
internal static class ModelShapeFactory
{
    private static readonly ConcurrentDictionary<Type, ModelShape> Cache = new();

    /// <summary>Gets the shape of <paramref name="type"/>; thread-safe.</summary>
    public static ModelShape For(Type type) => Cache.GetOrAdd(type, Create);

    private static ModelShape Create(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(object) || underlying == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(underlying))
        {
            return new ModelShape(ModelShapeKind.Any, underlying);
        }

        var info = ModelJson.Options.GetTypeInfo(underlying);
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => new ModelShape(ModelShapeKind.Object, underlying, members: () => Members(info)),
            JsonTypeInfoKind.Enumerable => new ModelShape(ModelShapeKind.List, underlying, () => ElementOf(info)),
            JsonTypeInfoKind.Dictionary => new ModelShape(ModelShapeKind.Map, underlying, () => ElementOf(info)),
            _ => new ModelShape(ModelShapeKind.Leaf, underlying),
        };
    }

    private static ModelShape? ElementOf(JsonTypeInfo info) => info.ElementType is { } element ? For(element) : null;

    private static KeyValuePair<string, ModelShape>[] Members(JsonTypeInfo info) =>
    [
        .. info.Properties
            .Where(p => p.Get is not null)
            .Select(p => KeyValuePair.Create(p.Name, For(p.PropertyType))),
    ];
}
