using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mirt.Host.Web;

/// <summary>
/// Holds one action of Dynamic Block v2 content: <c>add_tag</c>, <c>remove_tag</c> (the tag must exist in ManyChat),
/// <c>set_field_value</c> (the value's type must match the custom field's) or <c>unset_field_value</c> (see MANYCHAT.md).
/// Build one with the static factories.
/// </summary>
/// <param name="Action">The action name.</param>
/// <param name="TagName">The tag of a tag action, otherwise <see langword="null"/>.</param>
/// <param name="FieldName">The custom field of a field action, otherwise <see langword="null"/>.</param>
/// <param name="Value">The value of <c>set_field_value</c> (a JSON string, number or boolean), otherwise <see langword="null"/>.</param>
public sealed record DynamicBlockAction(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("tag_name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TagName = null,
    [property: JsonPropertyName("field_name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FieldName = null,
    [property: JsonPropertyName("value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Value = null)
{
    /// <summary>Creates an <c>add_tag</c> action.</summary>
    /// <param name="tagName">The tag, as named in ManyChat.</param>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentException"><paramref name="tagName"/> is blank.</exception>
    public static DynamicBlockAction AddTag(string tagName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tagName);
        return new("add_tag", TagName: tagName);
    }

    /// <summary>Creates a <c>remove_tag</c> action.</summary>
    /// <param name="tagName">The tag, as named in ManyChat.</param>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentException"><paramref name="tagName"/> is blank.</exception>
    public static DynamicBlockAction RemoveTag(string tagName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tagName);
        return new("remove_tag", TagName: tagName);
    }

    /// <summary>Creates a <c>set_field_value</c> action with a text value.</summary>
    /// <param name="fieldName">The custom field, as named in ManyChat.</param>
    /// <param name="value">The value.</param>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentException"><paramref name="fieldName"/> is blank.</exception>
    public static DynamicBlockAction SetField(string fieldName, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldName);
        ArgumentNullException.ThrowIfNull(value);
        return new("set_field_value", FieldName: fieldName, Value: JsonSerializer.SerializeToElement(value, DynamicBlockResponse.JsonOptions));
    }

    /// <summary>Creates a <c>set_field_value</c> action with a boolean value.</summary>
    /// <param name="fieldName">The custom field, as named in ManyChat.</param>
    /// <param name="value">The value.</param>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentException"><paramref name="fieldName"/> is blank.</exception>
    public static DynamicBlockAction SetField(string fieldName, bool value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldName);
        return new("set_field_value", FieldName: fieldName, Value: JsonSerializer.SerializeToElement(value, DynamicBlockResponse.JsonOptions));
    }

    /// <summary>Creates an <c>unset_field_value</c> action.</summary>
    /// <param name="fieldName">The custom field, as named in ManyChat.</param>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentException"><paramref name="fieldName"/> is blank.</exception>
    public static DynamicBlockAction UnsetField(string fieldName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldName);
        return new("unset_field_value", FieldName: fieldName);
    }
}
