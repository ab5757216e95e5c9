namespace Mirt.Rules.Customer;

/// <summary>
/// Mirrors <c>Data/cities.json</c>: the delivery lexicon with cities, Nova Poshta branch words and the name stop-list.
/// </summary>
internal sealed record CitiesFileJson(
    IReadOnlyList<CityJson>? Cities,
    CitiesKeywordsJson? BranchKeywords,
    IReadOnlyList<string>? BranchAbbreviations,
    IReadOnlyList<string>? BranchFillers,
    IReadOnlyList<string>? NameStopWords);
