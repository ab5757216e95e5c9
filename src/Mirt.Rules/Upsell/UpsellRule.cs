using Mirt.Rules.Catalog;

namespace Mirt.Rules.Upsell;

/// <summary>
/// Chooses the one soft upsell offered after payment (see <c>shared/DOMAIN.md</c>, Upsell: dress → trench, suit → a second
/// colour; which category leads to what is the <c>upsell</c> setting of <c>Data/catalog.json</c>).
/// </summary>
/// <remarks>
/// A cross-sell offers the configured model in the ordered colour when it has it (a pink dress → a pink trench), else in its
/// first colour. A second-colour upsell offers the ordered model in its first other colour in catalog order. A model with a
/// single colour (the suit «Valeri») gets no upsell: DOMAIN.md promises a second colour of the same suit, and pushing a
/// different suit is a new sales decision that belongs to the shop, not to this rule; the dialog then closes politely.
/// Pure and thread-safe.
/// </remarks>
public static class UpsellRule
{
    /// <summary>Suggests the upsell for an ordered model.</summary>
    /// <param name="catalog">The catalog with the upsell settings.</param>
    /// <param name="ordered">The model the customer just paid for.</param>
    /// <param name="orderedColor">The canonical colour the customer ordered.</param>
    /// <returns>The suggestion, or <see langword="null"/> when the category has no upsell setting or the model has no second colour.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/>, <paramref name="ordered"/> or <paramref name="orderedColor"/> is <see langword="null"/>.</exception>
    public static UpsellSuggestion? Suggest(Catalog.Catalog catalog, Product ordered, string orderedColor)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(orderedColor);
        var setting = catalog.UpsellSettings.FirstOrDefault(
            s => string.Equals(s.FromCategoryId, ordered.CategoryId, StringComparison.OrdinalIgnoreCase));
        switch (setting)
        {
            case { Kind: UpsellKind.CrossSell, ProductId: { } productId }:
                var target = catalog.FindById(productId);
                if (target is null || target.Colors.Count == 0 || string.Equals(target.Id, ordered.Id, StringComparison.Ordinal))
                {
                    return null;
                }

                var color = target.FindColor(orderedColor)?.Color ?? target.Colors[0].Color;
                return new UpsellSuggestion(UpsellKind.CrossSell, target, color);
            case { Kind: UpsellKind.SecondColor }:
                var other = ordered.Colors.FirstOrDefault(
                    c => !string.Equals(c.Color, orderedColor.Trim(), StringComparison.OrdinalIgnoreCase));
                return other is null ? null : new UpsellSuggestion(UpsellKind.SecondColor, ordered, other.Color);
            default:
                return null;
        }
    }
}
