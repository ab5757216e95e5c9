namespace Mirt.Rules.Customer;

/// <summary>
/// Describes one city of <c>Data/cities.json</c> with its compiled spellings.
/// </summary>
/// <param name="Name">The Ukrainian canonical name.</param>
/// <param name="Words">The spellings and case forms, Ukrainian and Russian.</param>
/// <param name="RequiresCapital">Tells whether the name counts only when written with a capital letter.</param>
internal sealed record CityEntry(string Name, PhraseList Words, bool RequiresCapital);
