namespace Mirt.Rules.Catalog;

/// <summary>
/// Validates the products part of the catalog: identity, texts, colours and SKUs.
/// </summary>
internal sealed partial class CatalogBuilder
{
    private readonly Dictionary<string, string> _skuOwners = new(StringComparer.OrdinalIgnoreCase);

    private List<Product> BuildProducts(IReadOnlyList<ProductJson>? products, SizeGrid grid, List<ProductCategory> categories)
    {
        var result = new List<Product>();
        if (products is null || products.Count == 0)
        {
            Problem("The catalog has no 'products'; list the models.");
            return result;
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < products.Count; i++)
        {
            var json = products[i];
            var owner = string.IsNullOrWhiteSpace(json.Id) ? $"Product {i + 1}" : $"Product '{json.Id}'";
            if (string.IsNullOrWhiteSpace(json.Id))
            {
                Problem($"{owner}: 'id' is required; give the model an ASCII id such as 'anna'.");
            }
            else if (!ids.Add(json.Id.Trim()))
            {
                Problem($"{owner}: the model id is used twice; give every model its own id.");
            }

            var product = BuildProduct(owner, json, grid, categories);
            if (product is not null)
            {
                result.Add(product);
            }
        }

        return result;
    }

    private Product? BuildProduct(string owner, ProductJson json, SizeGrid grid, List<ProductCategory> categories)
    {
        var before = _problems.Count;
        if (string.IsNullOrWhiteSpace(json.Name))
        {
            Problem($"{owner}: 'name' is required.");
        }

        if (string.IsNullOrWhiteSpace(json.Description))
        {
            Problem($"{owner}: 'description' is missing; describe fabric, closure, hood, trousers and look-alikes for the vision prompt.");
        }

        var category = categories.FirstOrDefault(c => string.Equals(c.Id, json.CategoryId, StringComparison.OrdinalIgnoreCase));
        if (category is null)
        {
            Problem($"{owner}: 'category_id' '{json.CategoryId}' names no category; use an id from 'categories'.");
        }

        if (json.Aliases is null || json.Aliases.Count == 0)
        {
            Problem($"{owner}: 'aliases' is empty; add the stems customers use for the model name.");
        }

        CheckPatterns(owner, "'aliases'", json.Aliases);
        CheckPatterns(owner, "'alias_exclusions'", json.AliasExclusions);
        var sizes = BuildSizes(owner, json, grid);
        var colors = BuildColors(owner, json.Colors);
        if (_problems.Count > before || category is null)
        {
            return null;
        }

        var info = new ProductInfo(
            json.Id!.Trim(),
            json.Name!.Trim(),
            category.Id,
            category.Name,
            json.Description!.Trim(),
            json.SingleSizes,
            json.Aliases!,
            json.AliasExclusions ?? []);
        return new Product(info, sizes, colors);
    }

    private List<ColorVariant> BuildColors(string owner, IReadOnlyList<ColorJson>? colors)
    {
        var result = new List<ColorVariant>();
        if (colors is null || colors.Count == 0)
        {
            Problem($"{owner}: 'colors' is empty; list at least one colour with its sku and photo_url.");
            return result;
        }

        foreach (var color in colors)
        {
            var field = $"{owner}: colour '{color.Color}'";
            if (string.IsNullOrWhiteSpace(color.Color) || string.IsNullOrWhiteSpace(color.Sku))
            {
                Problem($"{field}: 'color' and 'sku' are required.");
                continue;
            }

            if (result.Any(c => string.Equals(c.Color, color.Color.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                Problem($"{field}: the colour is listed twice; keep one variant per colour.");
            }

            var sku = color.Sku.Trim();
            if (!sku.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
            {
                Problem($"{field}: sku '{sku}' must be ASCII letters, digits and dashes, for example 'ANNA-PINK'.");
            }

            if (_skuOwners.TryGetValue(sku, out var other))
            {
                Problem($"{field}: duplicate sku '{sku}', already used by {other}; give every colour variant its own SKU.");
            }
            else
            {
                _skuOwners[sku] = owner;
            }

            if (!Uri.TryCreate(color.PhotoUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                Problem($"{field}: 'photo_url' '{color.PhotoUrl}' is not an absolute https URL.");
            }

            result.Add(new ColorVariant(color.Color.Trim(), sku, color.PhotoUrl?.Trim() ?? string.Empty));
        }

        return result;
    }
}
