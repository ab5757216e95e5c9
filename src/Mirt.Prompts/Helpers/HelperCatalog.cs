namespace Mirt.Prompts.Helpers;

/// <summary>
/// The helpers a template may call: Handlebars built-ins plus the ones <see cref="BuiltInHelpers"/> registers.
/// The checker uses this list; keep it in step with <see cref="BuiltInHelpers.Register"/>.
/// </summary>
internal static class HelperCatalog
{
    public const string Each = "each";
    public const string With = "with";

    private static readonly HelperSignature[] All =
    [
        new("if", IsBlock: true, 1, 1),
        new("unless", IsBlock: true, 1, 1),
        new(Each, IsBlock: true, 1, 1),
        new(With, IsBlock: true, 1, 1),
        new(BuiltInHelpers.Eq, IsBlock: true, 2, 2),
        new(BuiltInHelpers.Any, IsBlock: true, 1, 1),
        new(BuiltInHelpers.Money, IsBlock: false, 1, 1),
        new(BuiltInHelpers.Join, IsBlock: false, 1, 2),
        new("lookup", IsBlock: false, 2, 2),
        new("log", IsBlock: false, 1, int.MaxValue),
    ];

    /// <summary>Finds a helper by exact name.</summary>
    public static HelperSignature? Find(string name) =>
        Array.Find(All, helper => string.Equals(helper.Name, name, StringComparison.Ordinal));

    /// <summary>Lists the helper names of one kind for messages.</summary>
    public static string Describe(bool blocks) =>
        string.Join(", ", All.Where(h => h.IsBlock == blocks).Select(h => h.Name));
}
