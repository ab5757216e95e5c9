namespace Mirt.Nodes.Offer.Models;

/// <summary>
/// Describes a model with its lowest and highest catalog price.
/// </summary>
/// <param name="Name">The model name.</param>
/// <param name="PriceFromUah">The lowest price over all sizes, in UAH.</param>
/// <param name="PriceToUah">The highest price over all sizes, in UAH.</param>
/// <param name="Colors">The canonical colours of the model.</param>
public sealed record PriceRangeModel(string Name, decimal PriceFromUah, decimal PriceToUah, IReadOnlyList<string> Colors)
{
    /// <summary>Gets a value indicating whether the price depends on the size.</summary>
    public bool HasRange => PriceFromUah != PriceToUah;
}
