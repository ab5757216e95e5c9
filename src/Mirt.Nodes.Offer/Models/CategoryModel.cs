namespace Mirt.Nodes.Offer.Models;

/// <summary>
/// Fills the height question with the models of the category the customer named.
/// </summary>
/// <param name="CategoryName">The category's display name.</param>
/// <param name="Products">The models with their price range.</param>
public sealed record CategoryModel(string CategoryName, IReadOnlyList<PriceRangeModel> Products);
