namespace Mirt.Rules.Customer;

/// <summary>
/// Mirrors a <c>{ "patterns": [...], "exclusions": [...] }</c> group in <c>Data/cities.json</c>.
/// </summary>
internal sealed record CitiesKeywordsJson(IReadOnlyList<string>? Patterns, IReadOnlyList<string>? Exclusions);
