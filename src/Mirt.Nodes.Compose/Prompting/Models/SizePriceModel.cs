namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Gives prompt templates one size of a model with its catalog price.
/// </summary>
/// <param name="Label">The size label, for example <c>122-128</c>.</param>
/// <param name="PriceUah">The catalog price of the size, in UAH.</param>
public sealed record SizePriceModel(string Label, decimal PriceUah);
