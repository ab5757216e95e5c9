using System.Text.RegularExpressions;
using Mirt.Rules.Text;

namespace Mirt.Rules.Customer;

/// <summary>
/// Finds a Nova Poshta branch or parcel-locker number: digits next to a branch word ("viddilennia 25", "25 otdelenie",
/// "NP 25", "poshtomat 12345") or after the number sign; never digits of a phone number.
/// </summary>
internal static partial class BranchFinder
{
    private const int MaxDigits = 5;
    private const int MaxSkippedTokens = 4;

    public static string? Find(TokenizedText text, bool[] inPhone, bool[] inCity, CustomerLexicon lexicon)
    {
        var tokens = text.Tokens;
        foreach (Match match in NumberSign().Matches(text.Original))
        {
            var digits = match.Groups["digits"];
            var index = IndexAt(tokens, digits.Index);
            if (index >= 0 && !inPhone[index])
            {
                return digits.Value;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var length = KeywordLength(text, i, lexicon);
            if (length == 0)
            {
                continue;
            }

            var found = After(text, i + length, inPhone, inCity, lexicon) ?? Before(text, i, inPhone);
            if (found is not null)
            {
                return found;
            }

            i += length - 1;
        }

        return null;
    }

    /// <summary>Tells whether the number token at <paramref name="index"/> sits next to a branch word or a number sign.</summary>
    public static bool IsBranchContext(TokenizedText text, int index, CustomerLexicon lexicon)
    {
        var tokens = text.Tokens;
        if (index + 1 < tokens.Count && lexicon.BranchKeywords.MatchAt(tokens, index + 1) > 0)
        {
            return true;
        }

        for (var j = index - 1; j >= 0 && j >= index - MaxSkippedTokens; j--)
        {
            if (tokens[j].IsNumber)
            {
                break;
            }

            if (KeywordLength(text, j, lexicon) > 0)
            {
                return true;
            }
        }

        var before = text.Original.AsSpan(0, tokens[index].Start).TrimEnd();
        return before.Length > 0 && before[^1] is '\u2116' or '#';
    }

    private static int KeywordLength(TokenizedText text, int i, CustomerLexicon lexicon)
    {
        var length = lexicon.BranchKeywords.MatchAt(text.Tokens, i);
        if (length > 0)
        {
            return length;
        }

        var token = text.Tokens[i];
        var end = token.Start + token.Length;
        return lexicon.BranchAbbreviations.Contains(token.Value) && end < text.Original.Length && text.Original[end] == '.' ? 1 : 0;
    }

    private static string? After(TokenizedText text, int start, bool[] inPhone, bool[] inCity, CustomerLexicon lexicon)
    {
        var tokens = text.Tokens;
        var j = start;
        while (j < tokens.Count && j - start <= MaxSkippedTokens)
        {
            if (tokens[j].IsNumber)
            {
                return IsBranchNumber(tokens[j], inPhone[j]) ? tokens[j].Value : null;
            }

            var skip = Math.Max(lexicon.BranchFillers.MatchAt(tokens, j), lexicon.BranchKeywords.MatchAt(tokens, j));
            if (skip == 0 && !inCity[j])
            {
                return null;
            }

            j += Math.Max(skip, 1);
        }

        return null;
    }

    // "25 viddilennia": a number just before the branch word, separated by spaces only.
    private static string? Before(TokenizedText text, int keyword, bool[] inPhone)
    {
        if (keyword == 0)
        {
            return null;
        }

        var number = text.Tokens[keyword - 1];
        var gap = text.Original.AsSpan(number.Start + number.Length, text.Tokens[keyword].Start - number.Start - number.Length);
        return number.IsNumber && gap.IsWhiteSpace() && IsBranchNumber(number, inPhone[keyword - 1]) ? number.Value : null;
    }

    private static bool IsBranchNumber(Token token, bool inPhone) => !inPhone && token.Value.Length <= MaxDigits;

    private static int IndexAt(IReadOnlyList<Token> tokens, int start)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Start == start)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex("[\u2116#]\\s*(?<digits>[0-9]{1,5})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex NumberSign();
}
