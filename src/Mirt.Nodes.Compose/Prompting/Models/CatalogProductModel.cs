namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Gives prompt templates one catalog model.
/// </summary>
/// <param name="Name">The name shown to customers.</param>
/// <param name="Category">The category's Ukrainian name.</param>
/// <param name="SingleSizes">Tells whether the model uses single sizes (98, 104, …) instead of height ranges.</param>
/// <param name="Sizes">The sizes with their prices, smallest first.</param>
/// <param name="Colors">The colours with their SKUs.</param>
/// <param name="UniformPriceUah">The price of every size when all sizes cost the same, in UAH; <see langword="null"/>
/// when the price depends on the size (the prompt then lists each size's price).</param>
public sealed record CatalogProductModel(
    string Name,
    string Category,
    bool SingleSizes,
    IReadOnlyList<SizePriceModel> Sizes,
    IReadOnlyList<ColorSkuModel> Colors,
    decimal? UniformPriceUah);
