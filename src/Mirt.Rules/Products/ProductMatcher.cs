using Mirt.Rules.Catalog;
using Mirt.Rules.Text;

namespace Mirt.Rules.Products;

/// <summary>
/// Finds which models and which garment category a customer message names, using the aliases kept with each model and
/// category in <c>Data/catalog.json</c> (see <c>shared/DOMAIN.md</c>, Catalog).
/// </summary>
/// <remarks>Matches on word boundaries, never inside another word. Immutable and thread-safe once built.</remarks>
public sealed class ProductMatcher
{
    private readonly (Product Product, KeywordSet Words)[] _products;
    private readonly (string CategoryId, KeywordSet Words)[] _categories;

    /// <summary>Compiles the aliases of every model and category of a catalog.</summary>
    /// <param name="catalog">The catalog, whose aliases the loader has already validated.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public ProductMatcher(Catalog.Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _products = [.. catalog.Products.Select(p => (p, new KeywordSet(p.Aliases, p.AliasExclusions)))];
        _categories = [.. catalog.Categories.Select(c => (c.Id, new KeywordSet(c.Aliases)))];
    }

    /// <summary>Finds the models a message names.</summary>
    /// <param name="text">The tokenised message.</param>
    /// <returns>The models in the order the message first names them, each once; empty when none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<Product> FindModels(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hits = new List<(int Index, int Order, Product Product)>();
        for (var i = 0; i < _products.Length; i++)
        {
            if (_products[i].Words.FindFirst(text) is { } hit)
            {
                hits.Add((hit.TokenIndex, i, _products[i].Product));
            }
        }

        return [.. hits.OrderBy(h => h.Index).ThenBy(h => h.Order).Select(h => h.Product)];
    }

    /// <summary>Finds the garment category a message names by a category word (a dress, a suit, a trench or coat).</summary>
    /// <param name="text">The tokenised message.</param>
    /// <returns>The identifier of the category named first, for example <c>suits</c>, or <see langword="null"/> when none is named.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public string? FindCategory(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? best = null;
        var bestIndex = int.MaxValue;
        foreach (var (categoryId, words) in _categories)
        {
            if (words.FindFirst(text) is { } hit && hit.TokenIndex < bestIndex)
            {
                best = categoryId;
                bestIndex = hit.TokenIndex;
            }
        }

        return best;
    }
}
