using Mirt.Nodes.Abstractions.State;
using Mirt.Rules.Catalog;
using Mirt.Rules.Sizing;

namespace Mirt.Nodes.Abstractions.Flow;

/// <summary>
/// Resolves what the customer has chosen so far into catalog facts: the model, the size for the height, the colour
/// variant, and the price from the catalog (never from anywhere else).
/// </summary>
/// <param name="Product">The chosen model.</param>
/// <param name="Size">The size picked from the child's height.</param>
/// <param name="Variant">The chosen colour variant, or <see langword="null"/> while no colour is chosen.</param>
public sealed record Selection(Product Product, ProductSize Size, ColorVariant? Variant)
{
    /// <summary>Gets the selection as an order or display line; the price is the catalog price for the size.</summary>
    public ProductLine Line => new(Variant?.Sku, Product.Name, Size.Label, Variant?.Color, Size.PriceUah);

    /// <summary>Resolves the profile when a model and a fitting height are known.</summary>
    /// <param name="shop">The shop data.</param>
    /// <param name="profile">The customer's choices.</param>
    /// <returns>The selection, or <see langword="null"/> when the model or a fitting size is not known.</returns>
    public static Selection? Resolve(ShopData shop, SalesProfile profile)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.ProductId is null || profile.HeightCm is null || shop.Catalog.FindById(profile.ProductId) is not { } product)
        {
            return null;
        }

        var choice = SizePicker.Pick(product, shop.Catalog.Grid, profile.HeightCm.Value);
        if (choice.Outcome != SizeOutcome.Fits || choice.Size is null)
        {
            return null;
        }

        var variant = product.Colors.FirstOrDefault(c => string.Equals(c.Color, profile.Color, StringComparison.Ordinal));
        return new Selection(product, choice.Size, variant);
    }
}
