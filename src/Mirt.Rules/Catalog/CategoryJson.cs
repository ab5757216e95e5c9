namespace Mirt.Rules.Catalog;

/// <summary>
/// Mirrors one entry of <c>categories</c> in <c>Data/catalog.json</c>.
/// </summary>
internal sealed record CategoryJson(string? Id, string? Name, IReadOnlyList<string>? Aliases);
