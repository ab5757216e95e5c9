namespace Mirt.Rules.Text;

/// <summary>
/// Reports which pattern matched a message and where, so a rule can say why it fired.
/// </summary>
/// <param name="Pattern">The pattern as written in the rules data.</param>
/// <param name="TokenIndex">The zero-based index of the first matched token.</param>
/// <param name="TokenCount">The number of tokens the match spans.</param>
public sealed record KeywordHit(string Pattern, int TokenIndex, int TokenCount);
