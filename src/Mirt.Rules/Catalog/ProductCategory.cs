namespace Mirt.Rules.Catalog;

/// <summary>
/// Describes a garment category (dresses, suits, outerwear) from <c>Data/catalog.json</c> (see <c>shared/DOMAIN.md</c>, Catalog).
/// </summary>
/// <param name="Id">The ASCII identifier, for example <c>dresses</c>.</param>
/// <param name="Name">The Ukrainian name shown to customers.</param>
/// <param name="Aliases">The words that name the category in a message, in <see cref="Text.KeywordPattern"/> syntax.</param>
public sealed record ProductCategory(string Id, string Name, IReadOnlyList<string> Aliases);
