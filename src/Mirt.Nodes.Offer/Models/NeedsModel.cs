namespace Mirt.Nodes.Offer.Models;

/// <summary>
/// Fills the question about what the customer is looking for.
/// </summary>
/// <param name="Categories">The catalog's category names, in catalog order.</param>
public sealed record NeedsModel(IReadOnlyList<string> Categories);
