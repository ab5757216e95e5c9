using System.Text.Json;

namespace Mirt.Llm.OpenAI.Errors;

/// <summary>The message and code an OpenAI-compatible server put in its error body.</summary>
/// <param name="Message">The human-readable explanation, trimmed to <see cref="MaxMessageLength"/> characters.</param>
/// <param name="Code">The string <c>error.code</c>, else <c>error.type</c> (llama.cpp sends a numeric code).</param>
internal readonly record struct ServerErrorBody(string? Message, string? Code)
{
    /// <summary>The longest server message kept, in characters; a proxy may answer with a whole HTML page.</summary>
    public const int MaxMessageLength = 500;

    /// <summary>Reads <c>{"error":{"message":…,"code":…,"type":…}}</c>, <c>{"error":"…"}</c> or <c>{"message":"…"}</c>.</summary>
    /// <param name="content">The buffered response body; anything that is not such JSON yields an empty result.</param>
    /// <returns>The parsed message and code; both <see langword="null"/> when the body says nothing usable.</returns>
    public static ServerErrorBody Parse(BinaryData? content)
    {
        if (content is null || content.ToMemory().IsEmpty)
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(content.ToMemory());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return new(Trim(error.GetString()), null);
                }

                if (error.ValueKind == JsonValueKind.Object)
                {
                    var code = StringOrNull(error, "code") ?? StringOrNull(error, "type");
                    return new(Trim(StringOrNull(error, "message")), code);
                }
            }

            return new(Trim(StringOrNull(root, "message")), null);
        }
        catch (JsonException)
        {
            // Not JSON (an HTML page from a proxy, plain text): the status code alone must do.
            return default;
        }
    }

    private static string? StringOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Trim(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        message = message.Trim();
        return message.Length <= MaxMessageLength ? message : string.Concat(message.AsSpan(0, MaxMessageLength), "…");
    }
}
