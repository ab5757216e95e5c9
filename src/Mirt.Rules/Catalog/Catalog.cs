using Mirt.Rules.Upsell;

namespace Mirt.Rules.Catalog;

/// <summary>
/// Holds the shop's validated assortment, size grid and upsell settings (see <c>shared/DOMAIN.md</c>, Catalog; the data lives in
/// <c>Data/catalog.json</c>, and every price, grid and SKU has that one home).
/// </summary>
/// <remarks>Immutable and thread-safe. Create it with <see cref="CatalogLoader"/>.</remarks>
public sealed class Catalog
{
    internal Catalog(
        IReadOnlyList<Product> products,
        SizeGrid grid,
        IReadOnlyList<ProductCategory> categories,
        IReadOnlyList<UpsellSetting> upsellSettings)
    {
        Products = products;
        Grid = grid;
        Categories = categories;
        UpsellSettings = upsellSettings;
    }

    /// <summary>Gets the models in catalog order.</summary>
    public IReadOnlyList<Product> Products { get; }

    /// <summary>Gets the size grid that maps child heights in cm to size labels.</summary>
    public SizeGrid Grid { get; }

    /// <summary>Gets the garment categories in catalog order.</summary>
    public IReadOnlyList<ProductCategory> Categories { get; }

    /// <summary>Gets which category cross-sells to what after payment, one entry per category at most.</summary>
    public IReadOnlyList<UpsellSetting> UpsellSettings { get; }

    /// <summary>Finds the model that owns a colour variant.</summary>
    /// <param name="sku">The SKU, compared case-insensitively, for example <c>ANNA-PINK</c>.</param>
    /// <returns>The model, or <see langword="null"/> when no variant has that SKU.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sku"/> is <see langword="null"/>.</exception>
    public Product? FindBySku(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        var trimmed = sku.Trim();
        return Products.FirstOrDefault(p => p.Colors.Any(c => string.Equals(c.Sku, trimmed, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Finds a model by its identifier.</summary>
    /// <param name="id">The identifier, compared case-insensitively, for example <c>anna</c>.</param>
    /// <returns>The model, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public Product? FindById(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var trimmed = id.Trim();
        return Products.FirstOrDefault(p => string.Equals(p.Id, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Lists the models of a category in catalog order.</summary>
    /// <param name="categoryId">The category identifier, compared case-insensitively, for example <c>suits</c>.</param>
    /// <returns>The models; empty when the category is unknown or has none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="categoryId"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<Product> InCategory(string categoryId)
    {
        ArgumentNullException.ThrowIfNull(categoryId);
        var trimmed = categoryId.Trim();
        return [.. Products.Where(p => string.Equals(p.CategoryId, trimmed, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>Finds a category by its identifier.</summary>
    /// <param name="categoryId">The category identifier, compared case-insensitively.</param>
    /// <returns>The category, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="categoryId"/> is <see langword="null"/>.</exception>
    public ProductCategory? FindCategory(string categoryId)
    {
        ArgumentNullException.ThrowIfNull(categoryId);
        var trimmed = categoryId.Trim();
        return Categories.FirstOrDefault(c => string.Equals(c.Id, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
