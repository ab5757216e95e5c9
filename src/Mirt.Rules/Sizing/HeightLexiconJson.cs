namespace Mirt.Rules.Sizing;

/// <summary>
/// Mirrors <c>height_lexicon</c> in <c>Data/catalog.json</c>: word lists in <see cref="Text.KeywordPattern"/> syntax.
/// </summary>
internal sealed record HeightLexiconJson(
    IReadOnlyList<string>? HeightWords,
    IReadOnlyList<string>? UnitWords,
    IReadOnlyList<string>? MeterWords,
    IReadOnlyList<string>? AgeWords,
    IReadOnlyList<string>? PriceWords,
    IReadOnlyList<string>? OtherMeasureWords);
