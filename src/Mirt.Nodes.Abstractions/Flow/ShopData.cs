using Mirt.Rules.Catalog;
using Mirt.Rules.Products;
using Mirt.Rules.Shop;

namespace Mirt.Nodes.Abstractions.Flow;

/// <summary>
/// Bundles the shop's data files loaded at start-up: the catalog, the shop profile (persona, requisites, payment
/// terms) and a product matcher built once over the catalog.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ShopData
{
    /// <summary>Creates the bundle.</summary>
    /// <param name="catalog">The validated catalog.</param>
    /// <param name="shop">The validated shop profile.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ShopData(Catalog catalog, ShopProfile shop)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(shop);
        Catalog = catalog;
        Shop = shop;
        Matcher = new ProductMatcher(catalog);
    }

    /// <summary>Gets the catalog.</summary>
    public Catalog Catalog { get; }

    /// <summary>Gets the shop profile.</summary>
    public ShopProfile Shop { get; }

    /// <summary>Gets the matcher that finds models and categories named in messages.</summary>
    public ProductMatcher Matcher { get; }
}
