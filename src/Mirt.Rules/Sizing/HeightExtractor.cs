using System.Globalization;
using Mirt.Rules.Customer;
using Mirt.Rules.Text;

namespace Mirt.Rules.Sizing;

/// <summary>
/// Reads a child's height in cm from a customer message (see <c>shared/DOMAIN.md</c>, Size from height; the words live in
/// <c>height_lexicon</c> of <c>Data/catalog.json</c>).
/// </summary>
/// <remarks>
/// A number counts when a unit follows it ("118 cm", "1,20 m") or a height word comes shortly before it ("height 118").
/// A bare number of 50–200 counts only while the bot is waiting for a height, and not when it stands next to a Nova Poshta
/// branch word. A number is never a height when an age word, a price word or a currency sign follows it, when a body
/// measure such as a chest or a length comes before it, or when it is part of a phone number. The range check
/// (80–180 cm) is <see cref="SizePicker"/>'s job. Pure and thread-safe.
/// </remarks>
public static class HeightExtractor
{
    private const int MinBareCm = 50;
    private const int MaxBareCm = 200;
    private const int LookBehind = 3;

    /// <summary>Extracts the child's height from a message.</summary>
    /// <param name="text">The tokenised message.</param>
    /// <param name="expectingHeight"><see langword="true"/> when the bot has just asked for the height, so a bare number counts.</param>
    /// <returns>The height in cm as written (metre forms such as "1.20 m" become 120), or <see langword="null"/> when none is found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static int? ExtractHeightCm(TokenizedText text, bool expectingHeight)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = HeightLexicon.Default;
        var tokens = text.Tokens;
        var inPhone = PhoneFinder.TokenMask(text);
        int? bare = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsNumber || inPhone[i] || ReadNumber(text, i) is not { } number)
            {
                continue;
            }

            var (value, next, isMeters) = number;

            var notHeight = HeightLexicon.AnyAt(lexicon.AgeWords, tokens, next)
                || HeightLexicon.AnyAt(lexicon.PriceWords, tokens, next)
                || IsFollowedBySign(text, next - 1)
                || WordBefore(lexicon.OtherMeasureWords, tokens, i);
            if (!notHeight)
            {
                var marked = HeightLexicon.AnyAt(lexicon.UnitWords, tokens, next)
                    || (isMeters && HeightLexicon.AnyAt(lexicon.MeterWords, tokens, next))
                    || WordBefore(lexicon.HeightWords, tokens, i);
                if (marked)
                {
                    return value;
                }

                if (expectingHeight && bare is null && (isMeters || value is >= MinBareCm and <= MaxBareCm)
                    && !BranchFinder.IsBranchContext(text, i, CustomerLexicon.Default))
                {
                    bare = value;
                }
            }

            i = next - 1;
        }

        return bare;
    }

    // Reads the number at token i: "118" → 118; "1,20" / "1.2" (metres) → 120. Returns the index of the token after it.
    private static (int Value, int Next, bool IsMeters)? ReadNumber(TokenizedText text, int i)
    {
        var tokens = text.Tokens;
        var token = tokens[i];
        if (token.Value.Length > 3)
        {
            return null;
        }

        var whole = int.Parse(token.Value, CultureInfo.InvariantCulture);
        if (whole <= 1 && i + 1 < tokens.Count && tokens[i + 1] is { IsNumber: true, Value.Length: <= 2 } fraction
            && fraction.Start == token.Start + token.Length + 1 && text.Original[token.Start + token.Length] is '.' or ',')
        {
            var cm = int.Parse(fraction.Value, CultureInfo.InvariantCulture) * (fraction.Value.Length == 1 ? 10 : 1);
            return ((whole * 100) + cm, i + 2, true);
        }

        return (whole, i + 1, false);
    }

    private static bool WordBefore(KeywordPattern[] words, IReadOnlyList<Token> tokens, int index)
    {
        for (var j = index - 1; j >= 0 && j >= index - LookBehind; j--)
        {
            if (tokens[j].IsNumber)
            {
                return false;
            }

            if (HeightLexicon.AnyAt(words, tokens, j))
            {
                return true;
            }
        }

        return false;
    }

    // A currency or percent sign right after the number (spaces allowed) marks a price or a share, not a height.
    private static bool IsFollowedBySign(TokenizedText text, int lastTokenIndex)
    {
        var token = text.Tokens[lastTokenIndex];
        var original = text.Original;
        for (var k = token.Start + token.Length; k < original.Length; k++)
        {
            if (!char.IsWhiteSpace(original[k]))
            {
                return original[k] is '\u20B4' or '$' or '\u20AC' or '%';
            }
        }

        return false;
    }
}
