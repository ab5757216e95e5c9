using Mirt.Rules.Catalog;
using Mirt.Rules.Colors;

namespace Mirt.Nodes.Vision.Recognition;

/// <summary>
/// Checks a vision answer against the catalog: the SKU or model id must exist, the colour must be one the model is
/// sold in (synonyms map to the canonical name; a substitute such as milk for white does not count as the same
/// colour), a SKU must agree with the model id and colour given beside it, and the confidence must lie in 0..1.
/// Whether the confidence is high enough is the node's decision, not part of validity.
/// </summary>
internal static class AnswerValidator
{
    public static AnswerCheck Check(VisionAnswer answer, Catalog catalog)
    {
        if (double.IsNaN(answer.Confidence) || answer.Confidence is < 0 or > 1)
        {
            return AnswerCheck.Invalid;
        }

        var sku = Blank(answer.Sku);
        var productId = Blank(answer.ProductId);
        var color = Blank(answer.Color);
        if (sku is null && productId is null)
        {
            return new AnswerCheck(true, null, null, answer.Confidence);
        }

        var (product, resolved) = sku is not null ? BySku(catalog, sku, productId, color) : ById(catalog, productId!, color);
        return product is null ? AnswerCheck.Invalid : new AnswerCheck(true, product, resolved, answer.Confidence);
    }

    private static (Product? Product, string? Color) BySku(Catalog catalog, string sku, string? productId, string? color)
    {
        var product = catalog.FindBySku(sku);
        var variant = product?.Colors.First(c => string.Equals(c.Sku, sku, StringComparison.OrdinalIgnoreCase));
        if (product is null || variant is null
            || (productId is not null && !string.Equals(productId, product.Id, StringComparison.OrdinalIgnoreCase))
            || (color is not null && Canonical(product, color) != variant.Color))
        {
            return (null, null);
        }

        return (product, variant.Color);
    }

    private static (Product? Product, string? Color) ById(Catalog catalog, string productId, string? color)
    {
        if (catalog.FindById(productId) is not { } product)
        {
            return (null, null);
        }

        if (color is null)
        {
            // A model sold in one colour needs no colour from the photo.
            return (product, product.Colors.Count == 1 ? product.Colors[0].Color : null);
        }

        return Canonical(product, color) is { } canonical ? (product, canonical) : (null, null);
    }

    private static string? Canonical(Product product, string color)
    {
        var resolution = ColorCatalog.Default.Resolve(product, color);
        return resolution.Available && !resolution.IsSubstitute ? resolution.Color : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
