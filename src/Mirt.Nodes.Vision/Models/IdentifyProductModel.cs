using Mirt.Rules.Catalog;

namespace Mirt.Nodes.Vision.Models;

/// <summary>
/// Describes one catalog model to the vision model.
/// </summary>
/// <param name="Id">The catalog id the model answers with, for example <c>anna</c>.</param>
/// <param name="Name">The name shown to customers.</param>
/// <param name="CategoryName">The category's display name.</param>
/// <param name="VisualDescription">How the garment looks and how to tell it from look-alikes (catalog data).</param>
/// <param name="Colors">The colour variants with their SKUs.</param>
public sealed record IdentifyProductModel(string Id, string Name, string CategoryName, string VisualDescription, IReadOnlyList<IdentifyColorModel> Colors)
{
    /// <summary>Builds the description of a product.</summary>
    /// <param name="product">The product.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="product"/> is <see langword="null"/>.</exception>
    public static IdentifyProductModel From(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new(product.Id, product.Name, product.CategoryName, product.VisualDescription, [.. product.Colors.Select(c => new IdentifyColorModel(c.Color, c.Sku))]);
    }
}
