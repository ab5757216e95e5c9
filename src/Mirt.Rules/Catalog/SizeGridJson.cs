namespace Mirt.Rules.Catalog;

/// <summary>
/// Mirrors <c>size_grid</c> in <c>Data/catalog.json</c>: accepted heights in cm and the sizes, smallest first.
/// </summary>
internal sealed record SizeGridJson(int? MinHeightCm, int? MaxHeightCm, IReadOnlyList<GridSizeJson>? Sizes);
