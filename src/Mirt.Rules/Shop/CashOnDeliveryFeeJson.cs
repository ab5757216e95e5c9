namespace Mirt.Rules.Shop;

/// <summary>
/// Mirrors <c>cash_on_delivery_fee</c> in <c>Data/shop.json</c>: a percentage of the collected amount plus a fixed UAH part.
/// </summary>
internal sealed record CashOnDeliveryFeeJson(decimal? Percent, decimal? FixedUah);
