namespace Mirt.Prompts.Models;

/// <summary>How a template sees a model value.</summary>
internal enum ModelShapeKind
{
    /// <summary>A printable value: string, number, bool, enum, date.</summary>
    Leaf,

    /// <summary>A record or class with named members.</summary>
    Object,

    /// <summary>A sequence (not a string) with an element shape.</summary>
    List,

    /// <summary>A dictionary: any member name is valid and yields the element shape.</summary>
    Map,

    /// <summary>Unknown at compile time (<see cref="object"/>, JSON values): anything goes.</summary>
    Any,
}
