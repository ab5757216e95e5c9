namespace Mirt.Nodes.Offer.Models;

/// <summary>
/// Fills the offer templates.
/// </summary>
/// <param name="ProductName">The model name.</param>
/// <param name="CategoryName">The category's display name.</param>
/// <param name="Size">The size label.</param>
/// <param name="Color">The chosen canonical colour.</param>
/// <param name="SubstituteFor">The colour asked for when <paramref name="Color"/> stands in for it (white → milk), else <see langword="null"/>.</param>
/// <param name="PriceUah">The catalog price for the size, in UAH.</param>
public sealed record OfferModel(string ProductName, string CategoryName, string Size, string Color, string? SubstituteFor, decimal PriceUah);
