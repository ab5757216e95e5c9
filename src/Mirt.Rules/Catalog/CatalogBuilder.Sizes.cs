using System.Globalization;

namespace Mirt.Rules.Catalog;

/// <summary>
/// Validates the sizes and price tiers of one product against the size grid.
/// </summary>
internal sealed partial class CatalogBuilder
{
    private List<ProductSize> BuildSizes(string owner, ProductJson json, SizeGrid grid)
    {
        var result = new List<ProductSize>();
        if (json.Sizes is null || json.Sizes.Count == 0)
        {
            Problem($"{owner}: 'sizes' is empty; list the size labels smallest first.");
            return result;
        }

        var prices = json.PricesUah ?? [];
        if (prices.Count != 1 && prices.Count != json.Sizes.Count)
        {
            Problem($"{owner}: 'prices_uah' has {prices.Count} price(s) for {json.Sizes.Count} sizes (tier count mismatch); give one price, or one per size smallest first.");
            return result;
        }

        foreach (var price in prices.Where(p => p <= 0))
        {
            Problem($"{owner}: 'prices_uah' holds {price.ToString(CultureInfo.InvariantCulture)}; every price must be above 0 UAH.");
        }

        var previousMax = 0;
        for (var i = 0; i < json.Sizes.Count; i++)
        {
            var label = json.Sizes[i]?.Trim() ?? string.Empty;
            var range = json.SingleSizes ? SingleSizeRange(owner, label, grid, previousMax) : GridSizeRange(owner, label, grid);
            if (range is not { } found)
            {
                continue;
            }

            var (min, max) = found;

            if (max <= previousMax)
            {
                Problem($"{owner}: size '{label}' is out of order or repeated; list sizes once each, smallest first.");
                continue;
            }

            result.Add(new ProductSize(label, min, max, prices.Count == 1 ? prices[0] : prices[i]));
            previousMax = max;
        }

        return result;
    }

    private (int? Min, int Max)? GridSizeRange(string owner, string label, SizeGrid grid)
    {
        var size = grid.Find(label);
        if (size is null)
        {
            var known = string.Join(", ", grid.Sizes.Select(s => s.Label));
            Problem($"{owner}: size label '{label}' is not in the size grid ({known}); use a grid label or set 'single_sizes'.");
            return null;
        }

        return (ReferenceEquals(size, grid.Sizes[0]) ? null : size.MinHeightCm, size.MaxHeightCm);
    }

    private (int? Min, int Max)? SingleSizeRange(string owner, string label, SizeGrid grid, int previousMax)
    {
        if (!int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            Problem($"{owner}: single size '{label}' is not numeric; single sizes are heights in cm such as '98'.");
            return null;
        }

        var gridSize = grid.FindForHeight(height);
        if (gridSize is null)
        {
            var top = grid.Sizes.Count > 0 ? grid.Sizes[^1].MaxHeightCm : grid.MaxHeightCm;
            Problem($"{owner}: single size '{label}' lies outside the size grid; keep single sizes within {grid.MinHeightCm}..{top} cm.");
            return null;
        }

        // The first single size starts where its grid size starts; later ones start just above the previous single size.
        int? min = previousMax > 0 ? previousMax + 1 : ReferenceEquals(gridSize, grid.Sizes[0]) ? null : gridSize.MinHeightCm;
        return (min, height);
    }
}
