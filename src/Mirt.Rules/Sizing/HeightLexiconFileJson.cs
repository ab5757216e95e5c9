namespace Mirt.Rules.Sizing;

/// <summary>
/// Mirrors the part of <c>Data/catalog.json</c> the height extractor reads; the rest of the file is ignored here.
/// </summary>
internal sealed record HeightLexiconFileJson(HeightLexiconJson? HeightLexicon);
