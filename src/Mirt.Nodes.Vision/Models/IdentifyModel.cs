using Mirt.Rules.Catalog;

namespace Mirt.Nodes.Vision.Models;

/// <summary>
/// Fills the vision model's instructions: the catalog with each model's visual description, colours and SKUs, and
/// the confidence threshold the answer is judged by.
/// </summary>
/// <param name="MinConfidence">The threshold (0 to 1) below which a photo is handed to a manager.</param>
/// <param name="Products">The catalog's models in catalog order.</param>
public sealed record IdentifyModel(double MinConfidence, IReadOnlyList<IdentifyProductModel> Products)
{
    /// <summary>Builds the model from the catalog.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="minConfidence">The confidence threshold, 0 to 1.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public static IdentifyModel From(Catalog catalog, double minConfidence)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(minConfidence, [.. catalog.Products.Select(IdentifyProductModel.From)]);
    }
}
