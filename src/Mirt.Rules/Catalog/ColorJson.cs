namespace Mirt.Rules.Catalog;

/// <summary>
/// Mirrors one colour variant of a product in <c>Data/catalog.json</c>.
/// </summary>
internal sealed record ColorJson(string? Color, string? Sku, string? PhotoUrl);
