namespace Mirt.Nodes.Offer.Models;

/// <summary>
/// Describes a model in the size that fits the child, with its price for that size.
/// </summary>
/// <param name="Name">The model name.</param>
/// <param name="Size">The size label.</param>
/// <param name="PriceUah">The catalog price for that size, in UAH.</param>
/// <param name="Colors">The canonical colours of the model.</param>
public sealed record SizedProductModel(string Name, string Size, decimal PriceUah, IReadOnlyList<string> Colors);
