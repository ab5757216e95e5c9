namespace Mirt.Rules.Catalog;

/// <summary>
/// Describes one model of the shop's assortment with its sizes, prices and colours (see <c>shared/DOMAIN.md</c>, Catalog;
/// the data lives in <c>Data/catalog.json</c>).
/// </summary>
/// <remarks>Immutable and thread-safe. Instances come from <see cref="CatalogLoader"/>, which validates them.</remarks>
public sealed class Product
{
    internal Product(ProductInfo info, IReadOnlyList<ProductSize> sizes, IReadOnlyList<ColorVariant> colors)
    {
        Id = info.Id;
        Name = info.Name;
        CategoryId = info.CategoryId;
        CategoryName = info.CategoryName;
        VisualDescription = info.VisualDescription;
        UsesSingleSizes = info.UsesSingleSizes;
        Aliases = info.Aliases;
        AliasExclusions = info.AliasExclusions;
        Sizes = sizes;
        Colors = colors;
    }

    /// <summary>Gets the ASCII identifier, for example <c>anna</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the name shown to customers, for example the dress «Anna» in Ukrainian.</summary>
    public string Name { get; }

    /// <summary>Gets the identifier of the category, for example <c>dresses</c>.</summary>
    public string CategoryId { get; }

    /// <summary>Gets the Ukrainian name of the category.</summary>
    public string CategoryName { get; }

    /// <summary>Gets the sizes, smallest first, each with its price in UAH.</summary>
    public IReadOnlyList<ProductSize> Sizes { get; }

    /// <summary>Gets the colour variants in catalog order, each with its SKU and photo.</summary>
    public IReadOnlyList<ColorVariant> Colors { get; }

    /// <summary>Gets a short description of how the garment looks (fabric, closure, hood, trousers, look-alikes) for the vision prompt.</summary>
    public string VisualDescription { get; }

    /// <summary>Gets a value indicating whether the model uses single sizes (98, 104, …) instead of grid ranges.</summary>
    public bool UsesSingleSizes { get; }

    /// <summary>Gets the words that name the model in a message, in <see cref="Text.KeywordPattern"/> syntax.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Gets phrases whose words never count as naming this model (for example a plain trench versus the eco-leather one).</summary>
    public IReadOnlyList<string> AliasExclusions { get; }

    /// <summary>Finds a size by its label.</summary>
    /// <param name="label">The label, for example <c>122-128</c> or <c>134</c>; compared exactly after trimming.</param>
    /// <returns>The size, or <see langword="null"/> when the model is not sold in it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is <see langword="null"/>.</exception>
    public ProductSize? FindSize(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var trimmed = label.Trim();
        return Sizes.FirstOrDefault(s => string.Equals(s.Label, trimmed, StringComparison.Ordinal));
    }

    /// <summary>Finds a colour variant by its canonical colour name.</summary>
    /// <param name="color">The canonical colour, compared case-insensitively.</param>
    /// <returns>The variant, or <see langword="null"/> when the model is not sold in that colour.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="color"/> is <see langword="null"/>.</exception>
    public ColorVariant? FindColor(string color)
    {
        ArgumentNullException.ThrowIfNull(color);
        return Colors.FirstOrDefault(c => string.Equals(c.Color, color.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Returns the model name.</summary>
    /// <returns>The name shown to customers.</returns>
    public override string ToString() => Name;
}
