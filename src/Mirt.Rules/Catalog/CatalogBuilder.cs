using Mirt.Rules.Text;
using Mirt.Rules.Upsell;

namespace Mirt.Rules.Catalog;

/// <summary>
/// Turns the raw catalog file into a validated <see cref="Catalog"/>, collecting every problem before it throws.
/// </summary>
internal sealed partial class CatalogBuilder
{
    private readonly List<string> _problems = [];

    public static Catalog Build(CatalogJson json)
    {
        var builder = new CatalogBuilder();
        var grid = builder.BuildGrid(json.SizeGrid);
        var categories = builder.BuildCategories(json.Categories);
        var products = builder.BuildProducts(json.Products, grid, categories);
        var upsell = builder.BuildUpsell(json.Upsell, categories, products);
        if (builder._problems.Count > 0)
        {
            throw new CatalogValidationException(builder._problems);
        }

        return new Catalog(products, grid, categories, upsell);
    }

    private void Problem(string message) => _problems.Add(message);

    private void CheckPatterns(string owner, string field, IReadOnlyList<string>? patterns)
    {
        foreach (var pattern in patterns ?? [])
        {
            try
            {
                KeywordPattern.Parse(pattern);
            }
            catch (ArgumentException)
            {
                Problem($"{owner}: {field} has the malformed pattern '{pattern}'; write words, optional '*' stems and '=' exact marks.");
            }
        }
    }

    private List<ProductCategory> BuildCategories(IReadOnlyList<CategoryJson>? categories)
    {
        var result = new List<ProductCategory>();
        if (categories is null || categories.Count == 0)
        {
            Problem("The catalog has no 'categories'; list the garment categories with id, name and aliases.");
            return result;
        }

        for (var i = 0; i < categories.Count; i++)
        {
            var category = categories[i];
            var owner = $"Category {i + 1} '{category.Id}'";
            if (string.IsNullOrWhiteSpace(category.Id) || string.IsNullOrWhiteSpace(category.Name))
            {
                Problem($"{owner}: 'id' and 'name' are required; give every category both.");
                continue;
            }

            if (result.Any(c => string.Equals(c.Id, category.Id, StringComparison.OrdinalIgnoreCase)))
            {
                Problem($"{owner}: the id is used twice; give every category its own id.");
                continue;
            }

            CheckPatterns(owner, "'aliases'", category.Aliases);
            result.Add(new ProductCategory(category.Id.Trim(), category.Name.Trim(), category.Aliases ?? []));
        }

        return result;
    }

    private List<UpsellSetting> BuildUpsell(IReadOnlyList<UpsellJson>? upsell, List<ProductCategory> categories, List<Product> products)
    {
        var result = new List<UpsellSetting>();
        foreach (var entry in upsell ?? [])
        {
            var owner = $"Upsell from '{entry.FromCategory}'";
            if (!categories.Any(c => string.Equals(c.Id, entry.FromCategory, StringComparison.OrdinalIgnoreCase)))
            {
                Problem($"{owner}: 'from_category' names no category; use one of the ids under 'categories'.");
                continue;
            }

            if (result.Any(r => string.Equals(r.FromCategoryId, entry.FromCategory, StringComparison.OrdinalIgnoreCase)))
            {
                Problem($"{owner}: the category has two upsell entries; keep one.");
                continue;
            }

            switch (entry.Kind)
            {
                case "second_color":
                    result.Add(new UpsellSetting(entry.FromCategory!, UpsellKind.SecondColor, ProductId: null));
                    break;
                case "cross_sell" when products.Any(p => string.Equals(p.Id, entry.ProductId, StringComparison.OrdinalIgnoreCase)):
                    result.Add(new UpsellSetting(entry.FromCategory!, UpsellKind.CrossSell, entry.ProductId));
                    break;
                case "cross_sell":
                    Problem($"{owner}: 'product_id' '{entry.ProductId}' names no product; use a product id from 'products'.");
                    break;
                default:
                    Problem($"{owner}: 'kind' '{entry.Kind}' is unknown; write 'cross_sell' or 'second_color'.");
                    break;
            }
        }

        return result;
    }
}
