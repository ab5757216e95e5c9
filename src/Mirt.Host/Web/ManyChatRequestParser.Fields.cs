using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mirt.Host.Web;

/// <summary>Reads and checks the single fields of a Dynamic Block body.</summary>
public static partial class ManyChatRequestParser
{
    // The fetcher's default hosts decide what counts as a photo URL in the text; the fetcher itself enforces MIRT_MEDIA_HOSTS.
    private static readonly Media.MediaHosts PhotoHosts = new(new Media.MediaFetchOptions().AllowedHosts);

    private static bool TrySubscriber(JsonElement root, out string? subscriber, out string? error)
    {
        subscriber = null;
        if (!TryString(root, "subscriber_id", allowNumber: true, out var raw, out error))
        {
            return false;
        }

        subscriber = Unfilled(raw);
        if (subscriber is null)
        {
            error = "subscriber_id is missing or unfilled; map it to {{contact.id}} in the Dynamic Block body.";
            return false;
        }

        if (subscriber.Length > MaxIdLength)
        {
            error = $"subscriber_id is longer than {MaxIdLength} characters; map it to {{{{contact.id}}}}.";
        }
        else if (subscriber.Any(char.IsControl))
        {
            error = "subscriber_id contains control characters; map it to {{contact.id}}.";
        }
        else if (!subscriber.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            error = "subscriber_id may hold only ASCII letters, digits, '-', '_', '.' and ':'; map it to {{contact.id}}.";
        }

        return error is null;
    }

    private static bool TryText(JsonElement root, string name, int maxLength, bool keepLineBreaks, out string? value, out string? error)
    {
        value = null;
        if (!TryString(root, name, allowNumber: false, out var raw, out error))
        {
            return false;
        }

        if (raw is not null && raw.Length > maxLength && raw.Trim().Length > maxLength)
        {
            error = $"{name} is longer than {maxLength.ToString(CultureInfo.InvariantCulture)} characters.";
            return false;
        }

        value = Unfilled(WithoutControls(raw, keepLineBreaks));
        return true;
    }

    private static bool TryImageUrl(JsonElement root, out string? imageUrl, out string? error)
    {
        imageUrl = null;
        if (!TryString(root, "image_url", allowNumber: false, out var raw, out error))
        {
            return false;
        }

        imageUrl = Unfilled(raw);
        if (imageUrl is not null && !IsHttpsUrl(imageUrl))
        {
            error = $"image_url must be an absolute https URL without user information, at most {MaxUrlLength.ToString(CultureInfo.InvariantCulture)} characters; map it to the photo's URL or leave it out.";
            imageUrl = null;
            return false;
        }

        return true;
    }

    private static bool TryString(JsonElement root, string name, bool allowNumber, out string? value, out string? error)
    {
        value = null;
        error = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            try
            {
                value = element.GetString();
                return true;
            }
            catch (InvalidOperationException)
            {
                // A \uD800-style escape without its pair: valid JSON, not text.
                error = $"{name} is not valid Unicode text (an unpaired surrogate escape).";
                return false;
            }
        }

        if (allowNumber && element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out var number))
        {
            value = number.ToString(CultureInfo.InvariantCulture);
            return true;
        }

        error = allowNumber
            ? $"{name} must be a string or a whole number of at least 0, not {Kind(element)}."
            : $"{name} must be a string, not {Kind(element)}.";
        return false;
    }

    private static string Kind(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number ? "this number" : element.ValueKind.ToString().ToLowerInvariant();

    // ManyChat leaves a variable it could not fill as "" or as the literal "{{name}}": both mean missing.
    private static string? Unfilled(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || (trimmed.StartsWith("{{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal)))
        {
            return null;
        }

        return trimmed;
    }

    // A customer cannot type control characters; they only come from broken mappings or attacks, and must not reach
    // the templates, the model or the store. Line breaks and tabs are kept in the message text, turned to spaces in names.
    private static string? WithoutControls(string? value, bool keepLineBreaks)
    {
        if (value is null || !value.Any(char.IsControl))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\n' or '\r' or '\t')
            {
                text.Append(keepLineBreaks ? c : ' ');
            }
            else if (!char.IsControl(c))
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static bool IsHttpsUrl(string text) =>
        text.Length <= MaxUrlLength
        && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && uri.HostNameType != UriHostNameType.Unknown
        && uri.Host.Length > 0
        && uri.UserInfo.Length == 0;

    private static bool IsMediaUrl(string text) =>
        IsHttpsUrl(text)
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && PhotoHosts.Allows(uri.Host);
}
