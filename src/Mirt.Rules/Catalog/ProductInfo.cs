namespace Mirt.Rules.Catalog;

/// <summary>
/// Carries the scalar facts of a <see cref="Product"/> from the loader to its constructor.
/// </summary>
internal sealed record ProductInfo(
    string Id,
    string Name,
    string CategoryId,
    string CategoryName,
    string VisualDescription,
    bool UsesSingleSizes,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> AliasExclusions);
