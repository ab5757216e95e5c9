using System.Text.Json;
using Mirt.Rules.Data;
using Mirt.Rules.Text;

namespace Mirt.Rules.Customer;

/// <summary>
/// Holds the delivery lexicon of <c>Data/cities.json</c>: cities, Nova Poshta branch words and the name stop-list.
/// </summary>
internal sealed class CustomerLexicon
{
    private const string FileName = "cities.json";

    private CustomerLexicon(CitiesFileJson file)
    {
        if (file.Cities is null || file.Cities.Count == 0 || file.BranchKeywords?.Patterns is null || file.NameStopWords is null)
        {
            throw new InvalidOperationException(
                $"{FileName} needs 'cities', 'branch_keywords' and 'name_stop_words'; add them to src/Mirt.Rules/Data/{FileName}.");
        }

        Cities = [.. file.Cities.Select(CompileCity)];
        BranchKeywords = new PhraseList(file.BranchKeywords.Patterns, file.BranchKeywords.Exclusions);
        BranchAbbreviations = new HashSet<string>(
            (file.BranchAbbreviations ?? []).SelectMany(a => TokenizedText.From(a).Tokens).Select(t => t.Value), StringComparer.Ordinal);
        BranchFillers = new PhraseList(file.BranchFillers);
        NameStopWords = new PhraseList(file.NameStopWords);
    }

    public static CustomerLexicon Default { get; } = Load();

    public IReadOnlyList<CityEntry> Cities { get; }

    public PhraseList BranchKeywords { get; }

    /// <summary>Gets abbreviations such as "vid." that name a branch only when a dot follows them.</summary>
    public IReadOnlySet<string> BranchAbbreviations { get; }

    public PhraseList BranchFillers { get; }

    public PhraseList NameStopWords { get; }

    private static CityEntry CompileCity(CityJson city)
    {
        if (string.IsNullOrWhiteSpace(city.Name) || city.Patterns is null || city.Patterns.Count == 0)
        {
            throw new InvalidOperationException(
                $"{FileName} has a city '{city.Name}' without a name or patterns; give every city both in src/Mirt.Rules/Data/{FileName}.");
        }

        return new CityEntry(city.Name.Trim(), new PhraseList(city.Patterns, city.Exclusions), city.RequiresCapital);
    }

    private static CustomerLexicon Load()
    {
        using var stream = RulesData.Open(FileName);
        try
        {
            var file = JsonSerializer.Deserialize(stream, CustomerJsonContext.Default.CitiesFileJson)
                ?? throw new InvalidOperationException($"{FileName} holds null; write a JSON object in src/Mirt.Rules/Data/{FileName}.");
            return new CustomerLexicon(file);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw new InvalidOperationException($"The embedded {FileName} is broken ({ex.Message}); fix src/Mirt.Rules/Data/{FileName}.", ex);
        }
    }
}
