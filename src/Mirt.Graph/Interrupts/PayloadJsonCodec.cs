using System.Text.Json;

namespace Mirt.Graph.Interrupts;

/// <summary>Serialises interrupt payloads and resume values with one set of options, so writers and readers agree.</summary>
internal static class PayloadJsonCodec
{
    private static readonly JsonSerializerOptions Options = JsonSerializerOptions.Web;

    /// <summary>Serialises a value by its runtime type.</summary>
    /// <param name="value">The value; <see langword="null"/> becomes <c>null</c>.</param>
    /// <returns>UTF-8 JSON text.</returns>
    public static string Serialize(object? value) =>
        JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), Options);

    /// <summary>Reads JSON text as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value.</returns>
    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
