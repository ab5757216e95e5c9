using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Mirt.Prompts.Models;

/// <summary>
/// The one JSON contract used both to turn models into render trees and to learn which names a template may use,
/// so validation and rendering can never disagree.
/// </summary>
internal static class ModelJson
{
    /// <summary>camelCase property names, enums as their names, reflection-based metadata; read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
