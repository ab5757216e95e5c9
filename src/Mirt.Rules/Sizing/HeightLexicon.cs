using System.Text.Json;
using Mirt.Rules.Data;
using Mirt.Rules.Text;

namespace Mirt.Rules.Sizing;

/// <summary>
/// Holds the words that mark a number as a height, a unit, an age, a price or another body measure, read once from
/// <c>height_lexicon</c> in <c>Data/catalog.json</c>.
/// </summary>
internal sealed class HeightLexicon
{
    private const string FileName = "catalog.json";

    private HeightLexicon(HeightLexiconJson json)
    {
        HeightWords = Compile(json.HeightWords, "height_words");
        UnitWords = Compile(json.UnitWords, "unit_words");
        MeterWords = Compile(json.MeterWords, "meter_words");
        AgeWords = Compile(json.AgeWords, "age_words");
        PriceWords = Compile(json.PriceWords, "price_words");
        OtherMeasureWords = Compile(json.OtherMeasureWords, "other_measure_words");
    }

    public static HeightLexicon Default { get; } = Load();

    public KeywordPattern[] HeightWords { get; }

    public KeywordPattern[] UnitWords { get; }

    public KeywordPattern[] MeterWords { get; }

    public KeywordPattern[] AgeWords { get; }

    public KeywordPattern[] PriceWords { get; }

    public KeywordPattern[] OtherMeasureWords { get; }

    /// <summary>Tells whether any of the patterns matches at the token index; an index past the end never matches.</summary>
    public static bool AnyAt(KeywordPattern[] patterns, IReadOnlyList<Token> tokens, int index) =>
        index >= 0 && index < tokens.Count && patterns.Any(p => p.MatchesAt(tokens, index));

    private static HeightLexicon Load()
    {
        using var stream = RulesData.Open(FileName);
        HeightLexiconFileJson? file;
        try
        {
            file = JsonSerializer.Deserialize(stream, SizingJsonContext.Default.HeightLexiconFileJson);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The embedded {FileName} is not valid JSON; fix src/Mirt.Rules/Data/{FileName}.", ex);
        }

        return new HeightLexicon(file?.HeightLexicon ?? throw new InvalidOperationException(
            $"The embedded {FileName} has no 'height_lexicon'; add it to src/Mirt.Rules/Data/{FileName}."));
    }

    private static KeywordPattern[] Compile(IReadOnlyList<string>? patterns, string field)
    {
        if (patterns is null || patterns.Count == 0)
        {
            throw new InvalidOperationException(
                $"'height_lexicon.{field}' in {FileName} is empty; list its words in src/Mirt.Rules/Data/{FileName}.");
        }

        return [.. patterns.Select(KeywordPattern.Parse)];
    }
}
