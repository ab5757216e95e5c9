namespace Mirt.Rules.Catalog;

/// <summary>
/// Mirrors one entry of <c>products</c> in <c>Data/catalog.json</c>. <c>prices_uah</c> holds one price for every size or one
/// price per size (a tier), smallest size first.
/// </summary>
internal sealed record ProductJson(
    string? Id,
    string? Name,
    string? CategoryId,
    bool SingleSizes,
    IReadOnlyList<string>? Sizes,
    IReadOnlyList<decimal>? PricesUah,
    IReadOnlyList<ColorJson>? Colors,
    string? Description,
    IReadOnlyList<string>? Aliases,
    IReadOnlyList<string>? AliasExclusions);
