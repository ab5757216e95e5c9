using System.Text.Json;

namespace Mirt.Testing.ManyChat;

/// <summary>The four endpoints, each checking its body strictly and acting under the stand-in's lock.</summary>
public sealed partial class ManyChatStandIn
{
    private static readonly string[] SendContentFields = ["subscriber_id", "data", "message_tag", "otn_topic_name"];
    private static readonly string[] TagFields = ["subscriber_id", "tag_name"];
    private static readonly string[] FieldFields = ["subscriber_id", "field_name", "field_value"];

    private ManyChatStandInAnswer SendContent(JsonElement root, long subscriberId, DateTimeOffset at)
    {
        if (Unknown(root, SendContentFields) is { } unknown)
        {
            return unknown;
        }

        if (root.TryGetProperty("message_tag", out var tag) && tag.ValueKind != JsonValueKind.String)
        {
            return ManyChatStandInAnswer.Error("Validation error: message_tag must be a string.");
        }

        if (!root.TryGetProperty("data", out var data))
        {
            return ManyChatStandInAnswer.Error("Validation error: data is missing.");
        }

        if (ManyChatContentRules.Check(data) is { } problem)
        {
            return ManyChatStandInAnswer.Error($"Validation error: {problem}.");
        }

        var content = data.GetProperty("content");
        var actions = content.TryGetProperty("actions", out var a) ? [.. a.EnumerateArray()] : Array.Empty<JsonElement>();
        lock (_gate)
        {
            if (Subscriber(subscriberId, create: false) is not { } subscriber)
            {
                return ManyChatStandInAnswer.Error("Subscriber does not exist.");
            }

            if (at - subscriber.LastInbound > Window)
            {
                return ManyChatStandInAnswer.Error("Content was not sent: the subscriber's last message is outside the 24 hour window.", OutsideWindowCode);
            }

            if (RejectActionsInPushedContent && (actions.Length > 0 || content.TryGetProperty("quick_replies", out _)))
            {
                return ManyChatStandInAnswer.Error("Instagram refused the content: actions and quick replies are not allowed in this message.", ChannelRefusedCode);
            }

            foreach (var action in actions)
            {
                if (CheckAction(action) is { } refused)
                {
                    return refused;
                }
            }

            foreach (var action in actions)
            {
                Apply(subscriber, action);
            }

            _sent.Enqueue(new ManyChatSentContent(subscriberId, content.GetRawText(), at));
        }

        return ManyChatStandInAnswer.Success;
    }

    private ManyChatStandInAnswer Tag(JsonElement root, long subscriberId, bool add)
    {
        if (Unknown(root, TagFields) is { } unknown)
        {
            return unknown;
        }

        if (!root.TryGetProperty("tag_name", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString()))
        {
            return ManyChatStandInAnswer.Error("Validation error: tag_name must be a non-empty string.");
        }

        lock (_gate)
        {
            if (Subscriber(subscriberId, create: false) is not { } subscriber)
            {
                return ManyChatStandInAnswer.Error("Subscriber does not exist.");
            }

            if (!_tags.Contains(name.GetString()!))
            {
                return ManyChatStandInAnswer.Error("Tag not found.");
            }

            _ = add ? subscriber.Tags.Add(name.GetString()!) : subscriber.Tags.Remove(name.GetString()!);
        }

        return ManyChatStandInAnswer.Success;
    }

    private ManyChatStandInAnswer SetField(JsonElement root, long subscriberId)
    {
        if (Unknown(root, FieldFields) is { } unknown)
        {
            return unknown;
        }

        if (!root.TryGetProperty("field_name", out var name) || name.ValueKind != JsonValueKind.String || !root.TryGetProperty("field_value", out var value))
        {
            return ManyChatStandInAnswer.Error("Validation error: field_name (string) and field_value are required.");
        }

        lock (_gate)
        {
            if (Subscriber(subscriberId, create: false) is not { } subscriber)
            {
                return ManyChatStandInAnswer.Error("Subscriber does not exist.");
            }

            if (FieldProblem(name.GetString()!, value) is { } refused)
            {
                return refused;
            }

            subscriber.Fields[name.GetString()!] = value.Clone();
        }

        return ManyChatStandInAnswer.Success;
    }

    private ManyChatStandInAnswer? CheckAction(JsonElement action)
    {
        var kind = action.GetProperty("action").GetString();
        if (kind is "add_tag" or "remove_tag")
        {
            return _tags.Contains(action.GetProperty("tag_name").GetString()!) ? null : ManyChatStandInAnswer.Error("Tag not found.");
        }

        var field = action.GetProperty("field_name").GetString()!;
        return kind == "set_field_value"
            ? FieldProblem(field, action.GetProperty("value"))
            : _fields.ContainsKey(field) ? null : ManyChatStandInAnswer.Error("Custom field not found.");
    }

    private static void Apply(ManyChatSubscriber subscriber, JsonElement action)
    {
        switch (action.GetProperty("action").GetString())
        {
            case "add_tag":
                subscriber.Tags.Add(action.GetProperty("tag_name").GetString()!);
                break;
            case "remove_tag":
                subscriber.Tags.Remove(action.GetProperty("tag_name").GetString()!);
                break;
            case "set_field_value":
                subscriber.Fields[action.GetProperty("field_name").GetString()!] = action.GetProperty("value").Clone();
                break;
            default:
                subscriber.Fields.Remove(action.GetProperty("field_name").GetString()!);
                break;
        }
    }

    private ManyChatStandInAnswer? FieldProblem(string name, JsonElement value)
    {
        if (!_fields.TryGetValue(name, out var type))
        {
            return ManyChatStandInAnswer.Error("Custom field not found.");
        }

        var matches = type switch
        {
            ManyChatFieldType.Text => value.ValueKind == JsonValueKind.String,
            ManyChatFieldType.Number => value.ValueKind == JsonValueKind.Number,
            _ => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        };
        return matches ? null : ManyChatStandInAnswer.Error($"Validation error: field_value does not match the field type {type}.");
    }

    private static ManyChatStandInAnswer? Unknown(JsonElement root, string[] allowed)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                return ManyChatStandInAnswer.Error($"Validation error: unknown field '{property.Name}'.");
            }
        }

        return null;
    }
}
