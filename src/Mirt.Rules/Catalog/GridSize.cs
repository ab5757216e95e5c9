namespace Mirt.Rules.Catalog;

/// <summary>
/// Describes one size of the shop's size grid as the range of child heights it fits (see <c>shared/DOMAIN.md</c>, Size from height).
/// </summary>
/// <param name="Label">The size label, a height range such as <c>110-116</c>.</param>
/// <param name="MinHeightCm">The smallest height in cm that picks this size: the previous size's maximum plus one, or the grid's accepted minimum.</param>
/// <param name="MaxHeightCm">The largest height in cm this size fits, inclusive; a boundary height stays in this, the lower, size.</param>
public sealed record GridSize(string Label, int MinHeightCm, int MaxHeightCm);
