namespace Mirt.Testing.ManyChat;

/// <summary>The type of a ManyChat custom field; a value of another JSON type is refused, as ManyChat does.</summary>
public enum ManyChatFieldType
{
    /// <summary>A JSON string.</summary>
    Text,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,
}
