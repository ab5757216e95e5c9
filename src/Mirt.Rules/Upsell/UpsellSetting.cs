namespace Mirt.Rules.Upsell;

/// <summary>
/// Says which upsell follows an order in a category, as configured in <c>Data/catalog.json</c> under <c>upsell</c>
/// (see <c>shared/DOMAIN.md</c>, Upsell: dress → trench, suit → a second colour).
/// </summary>
/// <param name="FromCategoryId">The category of the ordered model, for example <c>dresses</c>.</param>
/// <param name="Kind">The kind of upsell.</param>
/// <param name="ProductId">The model to offer for <see cref="UpsellKind.CrossSell"/>; <see langword="null"/> for <see cref="UpsellKind.SecondColor"/>.</param>
public sealed record UpsellSetting(string FromCategoryId, UpsellKind Kind, string? ProductId);
