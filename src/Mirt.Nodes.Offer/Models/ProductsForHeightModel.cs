namespace Mirt.Nodes.Offer.Models;

/// <summary>
/// Fills the list of models that come in the child's size.
/// </summary>
/// <param name="HeightCm">The child's height in cm.</param>
/// <param name="Products">The fitting models with size and price.</param>
public sealed record ProductsForHeightModel(int HeightCm, IReadOnlyList<SizedProductModel> Products);
