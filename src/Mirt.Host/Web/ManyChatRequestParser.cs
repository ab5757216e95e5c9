using System.Text.Json;

namespace Mirt.Host.Web;

/// <summary>
/// Validates a Dynamic Block body strictly and explains every rejection, so a 400 names what to fix.
/// </summary>
public static class ManyChatRequestParser
{
    private static readonly string[] MediaHosts = ["lookaside.fbsbx.com", "fbcdn.net", "cdninstagram.com"];

    /// <summary>Parses a request body.</summary>
    /// <param name="body">The raw UTF-8 body.</param>
    /// <param name="request">The request when valid.</param>
    /// <param name="error">A sentence naming the problem when invalid.</param>
    /// <returns><see langword="true"/> when the body is valid.</returns>
    public static bool TryParse(ReadOnlyMemory<byte> body, out ManyChatRequest? request, out string? error)
    {
        request = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            error = $"The body is not valid JSON: {ex.Message}";
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "The body must be a JSON object with subscriber_id and last_input_text.";
                return false;
            }

            var root = document.RootElement;
            if (!TryField(root, "subscriber_id", allowNumber: true, out var subscriber, out error)
                || !TryField(root, "last_input_text", allowNumber: false, out var text, out error)
                || !TryField(root, "first_name", allowNumber: false, out var firstName, out error)
                || !TryField(root, "ig_username", allowNumber: false, out var username, out error)
                || !TryField(root, "image_url", allowNumber: false, out var imageUrl, out error))
            {
                return false;
            }

            if (subscriber is null)
            {
                error = "subscriber_id is missing or unfilled; map it to {{contact.id}} in the Dynamic Block body.";
                return false;
            }

            if (imageUrl is null && text is not null && IsMediaUrl(text))
            {
                (imageUrl, text) = (text, null);
            }

            if (text is null && imageUrl is null)
            {
                error = "last_input_text is missing or unfilled and no image_url came; there is no message to answer.";
                return false;
            }

            request = new ManyChatRequest(subscriber, text ?? string.Empty, imageUrl, firstName, username);
            error = null;
            return true;
        }
    }

    private static bool TryField(JsonElement root, string name, bool allowNumber, out string? value, out string? error)
    {
        value = null;
        error = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            value = Clean(element.GetString());
            return true;
        }

        if (allowNumber && element.ValueKind == JsonValueKind.Number)
        {
            value = element.GetRawText();
            return true;
        }

        error = $"{name} must be a string{(allowNumber ? " or a number" : string.Empty)}, not {element.ValueKind.ToString().ToLowerInvariant()}.";
        return false;
    }

    // ManyChat leaves a variable it could not fill as "" or as the literal "{{name}}": both mean missing.
    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || (trimmed.StartsWith("{{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal)))
        {
            return null;
        }

        return trimmed;
    }

    private static bool IsMediaUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && !text.Contains(' ', StringComparison.Ordinal)
        && MediaHosts.Any(h => uri.Host.Equals(h, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));
}
