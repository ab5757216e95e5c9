namespace Mirt.Nodes.Offer.Models;

/// <summary>
/// Fills templates that talk about a height that does not fit.
/// </summary>
/// <param name="HeightCm">The child's height in cm.</param>
/// <param name="MinHeightCm">The smallest height the shop sells for, in cm (from the catalog grid).</param>
/// <param name="MaxHeightCm">The largest height the shop sells for, in cm (from the catalog grid).</param>
public sealed record HeightModel(int HeightCm, int MinHeightCm, int MaxHeightCm);
