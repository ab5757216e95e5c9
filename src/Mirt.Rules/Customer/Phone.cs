using System.Diagnostics.CodeAnalysis;

namespace Mirt.Rules.Customer;

/// <summary>
/// Normalises Ukrainian mobile numbers to <c>+380XXXXXXXXX</c> (see <c>shared/DOMAIN.md</c>, Delivery).
/// </summary>
/// <remarks>
/// Accepted forms: <c>067 123 45 67</c>, <c>0671234567</c>, <c>+38(067)123-45-67</c>, <c>380671234567</c>, <c>8 067 123 45 67</c>,
/// with spaces, dashes, dots and brackets anywhere. The two digits after <c>+380</c> must be a mobile operator code of the
/// national numbering plan (a telecom fact, not shop data). Pure and thread-safe.
/// </remarks>
public static class Phone
{
    /// <summary>The length of a normalised number, <c>+380</c> and nine digits.</summary>
    public const int NormalizedLength = 13;

    // Mobile operator codes of Ukraine's national numbering plan (Kyivstar, Vodafone, lifecell, 3Mob, Intertelecom and others).
    private static readonly string[] MobileCodes =
        ["39", "50", "63", "66", "67", "68", "73", "75", "77", "89", "91", "92", "93", "94", "95", "96", "97", "98", "99"];

    /// <summary>Normalises one phone number written in any common form.</summary>
    /// <param name="input">The number alone, for example <c>+38 (067) 123-45-67</c>; other text around it makes it fail.</param>
    /// <param name="normalized">The number as <c>+380XXXXXXXXX</c> when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="input"/> is a Ukrainian mobile number.</returns>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var trimmed = input.Trim();
        var digits = new System.Text.StringBuilder(trimmed.Length);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (!IsSeparator(c) && !(c == '+' && i == 0))
            {
                return false;
            }
        }

        normalized = FromDigits(digits.ToString());
        return normalized is not null;
    }

    /// <summary>Tells whether a character may sit between the digit groups of a phone number.</summary>
    internal static bool IsSeparator(char c) => c is ' ' or '-' or '(' or ')' or '.' or '\u00A0' or '\t';

    /// <summary>Normalises bare digits: 12 starting with 380, 11 starting with 80, or 10 starting with 0.</summary>
    internal static string? FromDigits(string digits)
    {
        var full = digits.Length switch
        {
            12 when digits.StartsWith("380", StringComparison.Ordinal) => digits,
            11 when digits.StartsWith("80", StringComparison.Ordinal) => "3" + digits,
            10 when digits.StartsWith('0') => "38" + digits,
            _ => null,
        };
        return full is not null && Array.IndexOf(MobileCodes, full.Substring(3, 2)) >= 0 ? "+" + full : null;
    }
}
