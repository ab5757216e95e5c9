using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mirt.Testing.ManyChat;

/// <summary>
/// Checks <c>sendContent</c>'s <c>data</c> against the documented Dynamic Block v2 contract for an Instagram account
/// (MANYCHAT.md): <c>version</c> <c>v2</c>, content type <c>instagram</c>, 1–10 messages (text ≤ 1000 UTF-8 bytes,
/// image, cards; no video, audio, file or list), ≤ 3 buttons, ≤ 11 quick replies with captions ≤ 20 characters,
/// ≤ 5 actions of the four known kinds.
/// </summary>
internal static class ManyChatContentRules
{
    public const int MaxMessages = 10;
    public const int MaxTextBytes = 1000;
    public const int MaxQuickReplies = 11;
    public const int MaxActions = 5;
    public const int MaxCaption = 20;

    private static readonly HashSet<string> UnsupportedOnInstagram = new(["video", "audio", "file", "list"], StringComparer.Ordinal);
    private static readonly HashSet<string> ActionKinds = new(["add_tag", "remove_tag", "set_field_value", "unset_field_value"], StringComparer.Ordinal);

    /// <summary>Returns the first problem as a sentence, or <see langword="null"/> when the data is valid.</summary>
    public static string? Check(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return "data must be an object";
        }

        if (!data.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "v2")
        {
            return "data.version must be \"v2\"";
        }

        if (!data.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return "data.content must be an object";
        }

        if (!content.TryGetProperty("type", out var type) || type.GetString() != "instagram")
        {
            return "data.content.type must be \"instagram\" for an Instagram account";
        }

        return Messages(content) ?? QuickReplies(content) ?? Actions(content);
    }

    private static string? Messages(JsonElement content)
    {
        if (!content.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return "data.content.messages must be an array";
        }

        var count = messages.GetArrayLength();
        if (count is 0 or > MaxMessages)
        {
            return $"data.content.messages must hold 1 to {MaxMessages} messages, not {count}";
        }

        var i = 0;
        foreach (var message in messages.EnumerateArray())
        {
            if (Message(message, $"data.content.messages[{i++}]") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Message(JsonElement message, string at)
    {
        var type = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
        return type switch
        {
            null => $"{at}.type is missing",
            "text" => Text(message, at) ?? Buttons(message, at),
            "image" => Url(message, "url", at) ?? Buttons(message, at),
            "cards" => Cards(message, at),
            _ when UnsupportedOnInstagram.Contains(type) => $"{at}: message type '{type}' is not supported on Instagram",
            _ => $"{at}: unknown message type '{type}'",
        };
    }

    private static string? Text(JsonElement message, string at)
    {
        if (!message.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(text.GetString()))
        {
            return $"{at}.text must be a non-empty string";
        }

        var bytes = Encoding.UTF8.GetByteCount(text.GetString()!);
        return bytes > MaxTextBytes ? $"{at}.text is {bytes.ToString(CultureInfo.InvariantCulture)} bytes; the limit is {MaxTextBytes} bytes of UTF-8" : null;
    }

    private static string? Url(JsonElement element, string name, string at) =>
        element.TryGetProperty(name, out var url) && url.ValueKind == JsonValueKind.String
            && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : $"{at}.{name} must be an absolute http(s) address";

    private static string? Buttons(JsonElement element, string at)
    {
        if (!element.TryGetProperty("buttons", out var buttons))
        {
            return null;
        }

        if (buttons.ValueKind != JsonValueKind.Array || buttons.GetArrayLength() > 3)
        {
            return $"{at}.buttons must be an array of at most 3 buttons";
        }

        return buttons.EnumerateArray().Any(b => b.ValueKind != JsonValueKind.Object || !b.TryGetProperty("caption", out var c) || c.ValueKind != JsonValueKind.String)
            ? $"{at}.buttons: every button needs a caption"
            : null;
    }

    private static string? Cards(JsonElement message, string at)
    {
        if (!message.TryGetProperty("elements", out var elements) || elements.ValueKind != JsonValueKind.Array || elements.GetArrayLength() is 0 or > 10)
        {
            return $"{at}.elements must hold 1 to 10 cards";
        }

        foreach (var card in elements.EnumerateArray())
        {
            if (card.ValueKind != JsonValueKind.Object || !card.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String
                || title.GetString()!.Length > 80 || (card.TryGetProperty("subtitle", out var subtitle) && (subtitle.GetString()?.Length ?? 0) > 80))
            {
                return $"{at}.elements: every card needs a title, and title and subtitle are at most 80 characters";
            }

            if (Buttons(card, at + ".elements[]") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? QuickReplies(JsonElement content)
    {
        if (!content.TryGetProperty("quick_replies", out var replies))
        {
            return null;
        }

        if (replies.ValueKind != JsonValueKind.Array || replies.GetArrayLength() > MaxQuickReplies)
        {
            return $"data.content.quick_replies must be an array of at most {MaxQuickReplies} quick replies";
        }

        foreach (var reply in replies.EnumerateArray())
        {
            var caption = reply.ValueKind == JsonValueKind.Object && reply.TryGetProperty("caption", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
            var type = reply.ValueKind == JsonValueKind.Object && reply.TryGetProperty("type", out var t) ? t.GetString() : null;
            var targetOk = type switch
            {
                "node" or "flow" => reply.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.String,
                "dynamic_block_callback" => Url(reply, "url", "") is null,
                _ => false,
            };
            if (caption.Length is 0 or > MaxCaption || !targetOk)
            {
                return $"data.content.quick_replies: each needs type node/flow with a target (or dynamic_block_callback with a url) and a caption of 1 to {MaxCaption} characters";
            }
        }

        return null;
    }

    private static string? Actions(JsonElement content)
    {
        if (!content.TryGetProperty("actions", out var actions))
        {
            return null;
        }

        if (actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() > MaxActions)
        {
            return $"data.content.actions must be an array of at most {MaxActions} actions";
        }

        foreach (var action in actions.EnumerateArray())
        {
            var kind = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("action", out var a) ? a.GetString() : null;
            if (kind is null || !ActionKinds.Contains(kind))
            {
                return $"data.content.actions: unknown action '{kind}'; use add_tag, remove_tag, set_field_value or unset_field_value";
            }

            var needs = kind.EndsWith("_tag", StringComparison.Ordinal) ? "tag_name" : "field_name";
            if (!action.TryGetProperty(needs, out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString()))
            {
                return $"data.content.actions: {kind} needs {needs}";
            }

            if (kind == "set_field_value" && !action.TryGetProperty("value", out _))
            {
                return "data.content.actions: set_field_value needs value";
            }
        }

        return null;
    }
}
