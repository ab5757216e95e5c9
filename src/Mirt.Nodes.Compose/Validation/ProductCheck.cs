using Mirt.Nodes.Compose.Contract;
using Mirt.Rules.Catalog;
using Mirt.Rules.Sizing;

namespace Mirt.Nodes.Compose.Validation;

/// <summary>
/// Checks the products of a model answer against the catalog: the SKU exists, the colour is the SKU's, the size is
/// one the model is sold in and, when the child's height is known, the one the grid rule picks (see DOMAIN.md, Size
/// from height).
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
internal static class ProductCheck
{
    public static void Check(IReadOnlyList<ProposedProduct> products, Catalog catalog, int? heightCm, List<ReplyError> errors)
    {
        foreach (var proposed in products)
        {
            if (catalog.FindBySku(proposed.Sku) is not { } product)
            {
                errors.Add(new(ReplyRules.Catalog, $"The SKU '{proposed.Sku}' is not in the catalog; use only SKUs from the catalog facts."));
                continue;
            }

            var variant = product.Colors.First(c => string.Equals(c.Sku, proposed.Sku.Trim(), StringComparison.OrdinalIgnoreCase));
            if (proposed.Color is { } color && !string.Equals(color.Trim(), variant.Color, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new(ReplyRules.Catalog, $"The SKU '{variant.Sku}' is the colour '{variant.Color}', not '{color}'; give the SKU of the colour you mean."));
            }

            if (proposed.Size is { } size)
            {
                CheckSize(product, size, catalog.Grid, heightCm, errors);
            }
        }
    }

    /// <summary>Gets the prices a reply may name for a product: the price of the size for the child's height when
    /// one fits, otherwise every size's price.</summary>
    public static IEnumerable<decimal> PricesFor(Product product, SizeGrid grid, int? heightCm)
    {
        if (heightCm is { } height && SizePicker.Pick(product, grid, height) is { Outcome: SizeOutcome.Fits, Size: { } fits })
        {
            return [fits.PriceUah];
        }

        return product.Sizes.Select(s => s.PriceUah);
    }

    private static void CheckSize(Product product, string size, SizeGrid grid, int? heightCm, List<ReplyError> errors)
    {
        if (product.FindSize(size) is null)
        {
            errors.Add(new(ReplyRules.Size, $"{product.Name} is not sold in size '{size}'; its sizes are {string.Join(", ", product.Sizes.Select(s => s.Label))}."));
            return;
        }

        if (heightCm is not { } height)
        {
            return;
        }

        var choice = SizePicker.Pick(product, grid, height);
        if (choice.Size is null)
        {
            errors.Add(new(ReplyRules.Size, $"{product.Name} has no size for a child of {height} cm, so size '{size}' cannot be offered; say so and offer a manager's help."));
        }
        else if (!string.Equals(choice.Size.Label, size.Trim(), StringComparison.Ordinal))
        {
            errors.Add(new(ReplyRules.Size, $"Size '{size}' of {product.Name} does not fit a child of {height} cm; the size grid gives {choice.Size.Label}."));
        }
    }
}
