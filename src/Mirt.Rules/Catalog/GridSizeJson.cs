namespace Mirt.Rules.Catalog;

/// <summary>
/// Mirrors one entry of <c>size_grid.sizes</c> in <c>Data/catalog.json</c>: a label and its maximum height in cm.
/// </summary>
internal sealed record GridSizeJson(string? Label, int? MaxHeightCm);
