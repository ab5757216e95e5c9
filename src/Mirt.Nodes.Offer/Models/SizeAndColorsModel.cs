namespace Mirt.Nodes.Offer.Models;

/// <summary>
/// Fills the size-and-colour templates for one model.
/// </summary>
/// <param name="HeightCm">The child's height in cm.</param>
/// <param name="Product">The model in the fitting size.</param>
/// <param name="RequestedColor">The colour the customer asked for, when it is not available; otherwise <see langword="null"/>.</param>
/// <param name="SizeAlreadyShown">Tells whether the size was already named in an earlier turn (answer only the colours).</param>
public sealed record SizeAndColorsModel(int HeightCm, SizedProductModel Product, string? RequestedColor, bool SizeAlreadyShown);
