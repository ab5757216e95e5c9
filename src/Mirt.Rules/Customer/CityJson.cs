namespace Mirt.Rules.Customer;

/// <summary>
/// Mirrors one entry of <c>cities</c> in <c>Data/cities.json</c>; <c>requires_capital</c> marks names that are also common
/// words (Sumy, also meaning "sums") and count only when written with a capital letter.
/// </summary>
internal sealed record CityJson(string? Name, IReadOnlyList<string>? Patterns, IReadOnlyList<string>? Exclusions, bool RequiresCapital);
