namespace Mirt.Nodes.Offer.Models;

/// <summary>
/// Fills the upsell template.
/// </summary>
/// <param name="SameModel">Tells whether the suggestion is the ordered model in a second colour (suits) rather than another model (dress → trench).</param>
/// <param name="ProductName">The suggested model.</param>
/// <param name="Color">The suggested colour, or <see langword="null"/> to let the customer choose.</param>
/// <param name="Colors">The suggested model's colours.</param>
/// <param name="Size">The size for the child's height, or <see langword="null"/> when it does not come in it.</param>
/// <param name="PriceUah">The catalog price for that size in UAH, or <see langword="null"/>.</param>
public sealed record UpsellModel(bool SameModel, string ProductName, string? Color, IReadOnlyList<string> Colors, string? Size, decimal? PriceUah);
