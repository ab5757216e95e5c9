namespace Mirt.Rules.Catalog;

/// <summary>
/// Mirrors the top level of <c>Data/catalog.json</c> (snake_case field names); every field may be missing, the builder reports it.
/// </summary>
internal sealed record CatalogJson(
    SizeGridJson? SizeGrid,
    IReadOnlyList<CategoryJson>? Categories,
    IReadOnlyList<UpsellJson>? Upsell,
    IReadOnlyList<ProductJson>? Products);
