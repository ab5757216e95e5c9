namespace Mirt.Rules.Catalog;

/// <summary>
/// Mirrors one entry of <c>upsell</c> in <c>Data/catalog.json</c>: <c>kind</c> is <c>cross_sell</c> (with <c>product_id</c>) or <c>second_color</c>.
/// </summary>
internal sealed record UpsellJson(string? FromCategory, string? Kind, string? ProductId);
