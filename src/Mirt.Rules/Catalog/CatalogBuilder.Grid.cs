namespace Mirt.Rules.Catalog;

/// <summary>
/// Validates the size grid part of the catalog.
/// </summary>
internal sealed partial class CatalogBuilder
{
    private SizeGrid BuildGrid(SizeGridJson? json)
    {
        var sizes = new List<GridSize>();
        if (json is null)
        {
            Problem("The catalog has no 'size_grid'; add min_height_cm, max_height_cm and the sizes with their max_height_cm.");
            return new SizeGrid(sizes, 0, 0);
        }

        var min = json.MinHeightCm ?? 0;
        var max = json.MaxHeightCm ?? 0;
        if (min <= 0 || max <= min)
        {
            Problem($"The size grid accepts heights {min}..{max} cm; set 'min_height_cm' above zero and 'max_height_cm' above it.");
        }

        if (json.Sizes is null || json.Sizes.Count == 0)
        {
            Problem("The size grid has no 'sizes'; list the labels with their max_height_cm, smallest first.");
            return new SizeGrid(sizes, min, max);
        }

        var previousMax = min - 1;
        foreach (var size in json.Sizes)
        {
            var owner = $"Grid size '{size.Label}'";
            if (string.IsNullOrWhiteSpace(size.Label) || size.MaxHeightCm is not { } sizeMax)
            {
                Problem($"{owner}: 'label' and 'max_height_cm' are required.");
                continue;
            }

            if (sizes.Any(s => s.Label == size.Label.Trim()))
            {
                Problem($"{owner}: the label is listed twice; keep one.");
                continue;
            }

            if (sizeMax <= previousMax || sizeMax > max)
            {
                Problem($"{owner}: 'max_height_cm' {sizeMax} must be above the previous size's {previousMax} and at most {max}; list sizes smallest first.");
                continue;
            }

            sizes.Add(new GridSize(size.Label.Trim(), previousMax + 1, sizeMax));
            previousMax = sizeMax;
        }

        return new SizeGrid(sizes, min, max);
    }
}
