namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Gives prompt templates the size grid (catalog data, the one home of the grid rule).
/// </summary>
/// <param name="Sizes">The grid sizes with the largest height each fits, smallest first.</param>
/// <param name="MinHeightCm">The smallest child height the shop accepts, in cm.</param>
/// <param name="MaxHeightCm">The largest child height the shop accepts, in cm.</param>
public sealed record GridModel(IReadOnlyList<GridSizeModel> Sizes, int MinHeightCm, int MaxHeightCm);
