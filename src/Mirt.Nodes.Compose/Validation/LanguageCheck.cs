using System.Globalization;
using System.Text;

namespace Mirt.Nodes.Compose.Validation;

/// <summary>
/// Checks that a bubble is Ukrainian: no letters only Russian has, no other script, Latin words only where they are
/// SKUs, codes with digits, short upper-case abbreviations or words the shop itself writes in Latin (its name), and
/// only the shop's emoji (see DOMAIN.md, Persona and tone).
/// </summary>
/// <remarks>Letters are written as escapes because C# sources hold no Cyrillic. Pure and thread-safe.</remarks>
internal static class LanguageCheck
{
    // Cyrillic letters Russian has and Ukrainian does not (yery, hard sign, e, yo) and their capitals.
    private const string RussianOnly = "\u044B\u044A\u044D\u0451\u042B\u042A\u042D\u0401";

    // Ukrainian letters outside the basic U+0410..U+044F block (ye, i, yi, ghe with upturn) and their capitals.
    private const string UkrainianExtra = "\u0454\u0456\u0457\u0491\u0404\u0406\u0407\u0490";

    private const int MaxAbbreviationLength = 5;

    public static void Check(int index, string bubble, IReadOnlySet<string> allowedLatin, IReadOnlySet<string> allowedEmoji, List<ReplyError> errors)
    {
        var russian = new SortedSet<char>(bubble.Where(c => RussianOnly.Contains(c, StringComparison.Ordinal)));
        if (russian.Count > 0)
        {
            errors.Add(Error(index, $"uses letters only Russian has ({string.Join(' ', russian)}); answer in Ukrainian only, whatever language the customer writes in."));
        }

        var foreign = bubble.Where(c => char.IsLetter(c) && !IsCyrillicUkrainian(c) && !IsRussianOnly(c) && !char.IsAsciiLetter(c)).Distinct().Take(5).ToList();
        if (foreign.Count > 0)
        {
            errors.Add(Error(index, $"uses letters of another script ({string.Join(' ', foreign)}); answer in Ukrainian only."));
        }

        var latin = Words(bubble).Where(w => w.Any(char.IsAsciiLetter) && !IsAllowedLatin(w, allowedLatin)).Distinct(StringComparer.Ordinal).Take(5).ToList();
        if (latin.Count > 0)
        {
            errors.Add(Error(index, $"has words in Latin letters ({string.Join(", ", latin)}); write in Ukrainian, Latin is only for SKUs and brand names."));
        }

        var emoji = Emoji(bubble).Where(e => !allowedEmoji.Contains(e)).Distinct(StringComparer.Ordinal).ToList();
        if (emoji.Count > 0)
        {
            errors.Add(Error(index, $"uses emoji the shop does not use ({string.Join(' ', emoji)}); use only {string.Join(' ', allowedEmoji)}."));
        }
    }

    /// <summary>Splits text into words: runs of letters, digits, apostrophes and inner hyphens.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || ((c is '\'' or '\u2019' or '\u02BC' or '-') && word.Length > 0))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                yield return word.ToString().TrimEnd('-', '\'', '\u2019', '\u02BC');
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString().TrimEnd('-', '\'', '\u2019', '\u02BC');
        }
    }

    /// <summary>Normalises an emoji for comparison: variation selectors removed.</summary>
    public static string NormalizeEmoji(string emoji) => emoji.Replace("\uFE0F", string.Empty, StringComparison.Ordinal);

    private static bool IsAllowedLatin(string word, IReadOnlySet<string> allowedLatin) =>
        allowedLatin.Contains(word)
        || word.Any(char.IsAsciiDigit)
        || (word.Length <= MaxAbbreviationLength && word.Where(char.IsLetter).All(c => char.IsAsciiLetterUpper(c)));

    private static bool IsCyrillicUkrainian(char c) =>
        (c is >= '\u0410' and <= '\u044F' && !IsRussianOnly(c)) || UkrainianExtra.Contains(c, StringComparison.Ordinal);

    private static bool IsRussianOnly(char c) => RussianOnly.Contains(c, StringComparison.Ordinal);

    private static IEnumerable<string> Emoji(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) or (>= 0x2B00 and <= 0x2BFF))
            {
                yield return rune.ToString();
            }
        }
    }

    private static ReplyError Error(int index, string message) =>
        new(ReplyRules.Language, string.Create(CultureInfo.InvariantCulture, $"Bubble {index + 1} {message}"));
}
