using System.Text;
using System.Text.RegularExpressions;

namespace Mirt.Llm.Diagnostics;

/// <summary>
/// Masks what must never reach a log even at Trace: every run of 7 or more digits (phone numbers, card numbers,
/// possibly broken by spaces, dashes, dots or brackets) keeps only its last 2 digits, and every URL becomes
/// <c>[url]</c> (customer photos arrive as private media URLs).
/// </summary>
/// <remarks>Deliberately simple and greedy: masking a long order number too is acceptable; leaking a phone number is
/// not. Mirt.Llm does not depend on Mirt.Rules, whose phone finder knows Ukrainian formats. Thread-safe.</remarks>
public static partial class LogTextMasker
{
    private const int MinDigits = 7;
    private const int KeptDigits = 2;

    /// <summary>Masks phone-like digit runs and URLs in a text.</summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <returns>The masked text; empty for <see langword="null"/>.</returns>
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var withoutUrls = UrlPattern().Replace(text, "[url]");
        return DigitRunPattern().Replace(withoutUrls, MaskRun);
    }

    private static string MaskRun(Match match)
    {
        var run = match.Value;
        var digits = run.Count(char.IsAsciiDigit);
        if (digits < MinDigits)
        {
            return run;
        }

        var masked = new StringBuilder(run.Length);
        var seen = 0;
        foreach (var c in run)
        {
            if (char.IsAsciiDigit(c))
            {
                seen++;
                masked.Append(seen > digits - KeptDigits ? c : '*');
            }
            else
            {
                masked.Append(c);
            }
        }

        return masked.ToString();
    }

    // A run starts with an optional '+' or '(' and a digit, then digits and separators on one line, and ends on a digit.
    [GeneratedRegex(@"[+(]?[0-9](?:[0-9 \t\u00A0().\-]*[0-9])?", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRunPattern();

    [GeneratedRegex(@"(?:https?|ftp)://\S+|www\.\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
