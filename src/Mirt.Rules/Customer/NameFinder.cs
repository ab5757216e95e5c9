using Mirt.Rules.Colors;
using Mirt.Rules.Text;

namespace Mirt.Rules.Customer;

/// <summary>
/// Finds a full name: two or three capitalised Cyrillic words in a row (surname, name, optional patronymic) that are not a
/// city, a colour, a phone or a stop word such as a greeting or a delivery word.
/// </summary>
internal static class NameFinder
{
    private const int MinWords = 2;
    private const int MaxWords = 3;

    public static string? Find(TokenizedText text, bool[] blocked, CustomerLexicon lexicon)
    {
        var words = Words(text);
        var run = new List<(int Start, int End)>();
        for (var w = 0; w <= words.Count; w++)
        {
            var fits = w < words.Count && IsNameWord(text, words[w], blocked, lexicon);
            if (fits && (run.Count == 0 || IsSpaceBetween(text.Original, run[^1].End, words[w].Start)))
            {
                run.Add((words[w].Start, words[w].End));
                continue;
            }

            if (run.Count is >= MinWords and <= MaxWords)
            {
                return text.Original[run[0].Start..run[^1].End];
            }

            run.Clear();
            if (fits)
            {
                run.Add((words[w].Start, words[w].End));
            }
        }

        return null;
    }

    // Groups tokens joined by a single hyphen ("Petrenko-Koval") into one word, as token index range and character span.
    private static List<(int First, int Last, int Start, int End)> Words(TokenizedText text)
    {
        var tokens = text.Tokens;
        var words = new List<(int First, int Last, int Start, int End)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var first = i;
            while (i + 1 < tokens.Count && tokens[i + 1].Start == tokens[i].Start + tokens[i].Length + 1
                && text.Original[tokens[i].Start + tokens[i].Length] == '-')
            {
                i++;
            }

            words.Add((first, i, tokens[first].Start, tokens[i].Start + tokens[i].Length));
        }

        return words;
    }

    private static bool IsNameWord(TokenizedText text, (int First, int Last, int Start, int End) word, bool[] blocked, CustomerLexicon lexicon)
    {
        for (var i = word.First; i <= word.Last; i++)
        {
            var token = text.Tokens[i];
            if (token.IsNumber || blocked[i] || lexicon.NameStopWords.MatchAt(text.Tokens, i) > 0
                || !IsCapitalisedCyrillic(text.Original.AsSpan(token.Start, token.Length)))
            {
                return false;
            }
        }

        var span = text.Original[word.Start..word.End];
        return ColorCatalog.Default.FindMentioned(TokenizedText.From(span)).Count == 0;
    }

    // "Mariia" or "MARIIA" in Cyrillic; apostrophes inside the word are allowed.
    private static bool IsCapitalisedCyrillic(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || !char.IsUpper(word[0]) || !IsCyrillic(word[0]))
        {
            return false;
        }

        var allUpper = true;
        var allLower = true;
        foreach (var c in word[1..])
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            if (!IsCyrillic(c))
            {
                return false;
            }

            allUpper &= char.IsUpper(c);
            allLower &= char.IsLower(c);
        }

        return allUpper || allLower;
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static bool IsSpaceBetween(string original, int end, int start) =>
        start > end && original.AsSpan(end, start - end).IsWhiteSpace();
}
