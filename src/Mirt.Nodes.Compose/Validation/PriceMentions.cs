using System.Globalization;
using System.Text.RegularExpressions;

namespace Mirt.Nodes.Compose.Validation;

/// <summary>
/// Finds amounts of money in reply text: a number followed by the hryvnia word, its sign or <c>UAH</c>
/// (2 050 hryvnias written with the word, 1850 with the sign, 200 UAH, 57.50), and both ends of a range before one.
/// </summary>
/// <remarks>Pure and thread-safe. The currency words are written as escapes because C# sources hold no Cyrillic.</remarks>
public static partial class PriceMentions
{
    /// <summary>Lists the amounts mentioned, in order of appearance.</summary>
    /// <param name="text">The reply text.</param>
    /// <returns>The amounts in UAH with the text they were read from.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<(decimal Amount, string Text)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(decimal, string)>();
        foreach (Match match in Priced().Matches(text))
        {
            if (match.Groups["from"].Success)
            {
                found.Add((Parse(match.Groups["from"].Value), match.Groups["from"].Value));
            }

            found.Add((Parse(match.Groups["amount"].Value), match.Value.Trim()));
        }

        return found;
    }

    private static decimal Parse(string number)
    {
        var digits = number.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("\u00A0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202F", string.Empty, StringComparison.Ordinal)
            .Replace(',', '.');
        return decimal.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    // A number is digits grouped by spaces in threes or plain digits, with up to two decimals; the currency is the
    // hryvnia word in any form, its sign or UAH. A range "A-B" or "A–B" (no spaces round the dash, so "110-116 — 2 050"
    // stays a size and a price) right before the currency counts both ends.
    [GeneratedRegex(
        @"(?<![\d.,])(?:(?<from>\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)[-\u2013])?(?<amount>\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s*(?:\u0433\u0440\u043D|\u0433\u0440\u0438\u0432\w*|\u20B4|UAH\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Priced();
}
