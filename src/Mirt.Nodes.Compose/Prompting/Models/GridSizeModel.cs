namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Gives prompt templates one size of the grid.
/// </summary>
/// <param name="Label">The size label, for example <c>110-116</c>.</param>
/// <param name="MaxHeightCm">The largest child height the size fits, in cm, inclusive.</param>
public sealed record GridSizeModel(string Label, int MaxHeightCm);
