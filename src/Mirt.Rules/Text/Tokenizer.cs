using System.Text;

namespace Mirt.Rules.Text;

/// <summary>
/// Splits messages into word and number tokens on word boundaries, so that a keyword never matches inside
/// another word (the old bot's substring matching found "yes" inside "also").
/// </summary>
internal static class Tokenizer
{
    // Apostrophe look-alikes customers type inside Ukrainian words; all are dropped so spellings agree.
    private static readonly char[] Apostrophes = ['\'', '\u2019', '\u02BC', '`', '\u2018', '\u02B9'];

    public static TokenizedText Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(text[start..i], start, i - start, IsNumber: true));
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                var word = new StringBuilder();
                while (i < text.Length && (char.IsLetter(text[i]) || IsInnerApostrophe(text, i)))
                {
                    if (char.IsLetter(text[i]))
                    {
                        word.Append(Normalize(text[i]));
                    }

                    i++;
                }

                tokens.Add(new Token(word.ToString(), start, i - start, IsNumber: false));
            }
            else
            {
                i++;
            }
        }

        return new TokenizedText(text, tokens);
    }

    private static bool IsInnerApostrophe(string text, int i) =>
        Array.IndexOf(Apostrophes, text[i]) >= 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]);

    // U+0451 (yo) is written as U+0435 (ye) by most customers; fold it so one keyword serves both.
    private static char Normalize(char c)
    {
        var lower = char.ToLowerInvariant(c);
        return lower == '\u0451' ? '\u0435' : lower;
    }
}
