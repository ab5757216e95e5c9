namespace Mirt.Prompts.Models;

/// <summary>
/// What a template may read from a value of one CLR type: its camelCase members or its element shape.
/// Members and elements are resolved lazily so recursive types work.
/// </summary>
internal sealed class ModelShape
{
    private const int MaxKnownNames = 12;
    private readonly Lazy<ModelShape?> _element;
    private readonly Lazy<IReadOnlyList<KeyValuePair<string, ModelShape>>> _members;

    public ModelShape(
        ModelShapeKind kind,
        Type clrType,
        Func<ModelShape?>? element = null,
        Func<IReadOnlyList<KeyValuePair<string, ModelShape>>>? members = null)
    {
        Kind = kind;
        ClrType = clrType;
        _element = new Lazy<ModelShape?>(element ?? (() => null));
        _members = new Lazy<IReadOnlyList<KeyValuePair<string, ModelShape>>>(members ?? (() => []));
    }

    /// <summary>The shape of values nobody can check: every member and element is allowed.</summary>
    public static ModelShape Any { get; } = new(ModelShapeKind.Any, typeof(object));

    public ModelShapeKind Kind { get; }

    public Type ClrType { get; }

    /// <summary>Gets the element shape of a list or the value shape of a map; <see cref="Any"/> otherwise.</summary>
    public ModelShape Element => _element.Value ?? Any;

    /// <summary>Gets the type name as written in C#, e.g. <c>List&lt;OfferLine&gt;</c>.</summary>
    public string DisplayName => Display(ClrType);

    public bool TryGetMember(string name, out ModelShape shape)
    {
        foreach (var member in _members.Value)
        {
            if (string.Equals(member.Key, name, StringComparison.Ordinal))
            {
                shape = member.Value;
                return true;
            }
        }

        shape = Any;
        return false;
    }

    /// <summary>Lists member names for messages: "productName, priceUah, …".</summary>
    public string DescribeMembers()
    {
        var names = _members.Value.Select(m => m.Key).ToList();
        if (names.Count == 0)
        {
            return "it has no properties";
        }

        var shown = string.Join(", ", names.Take(MaxKnownNames));
        return names.Count > MaxKnownNames ? "known: " + shown + ", \u2026" : "known: " + shown;
    }

    private static string Display(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.IsArray ? Display(type.GetElementType()!) + "[]" : type.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var arguments = string.Join(", ", type.GetGenericArguments().Select(Display));
        return $"{(tick < 0 ? name : name[..tick])}<{arguments}>";
    }
}
