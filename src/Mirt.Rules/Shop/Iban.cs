namespace Mirt.Rules.Shop;

/// <summary>
/// Checks Ukrainian IBANs: <c>UA</c>, two check digits and 25 digits (bank code and account), valid under ISO 13616 mod 97.
/// </summary>
internal static class Iban
{
    private const int UkrainianLength = 29;

    public static bool IsValidUkrainian(string? iban)
    {
        if (iban is null || iban.Length != UkrainianLength || !iban.StartsWith("UA", StringComparison.Ordinal)
            || !iban.Skip(2).All(char.IsAsciiDigit))
        {
            return false;
        }

        // Move the country code and check digits to the end, letters become two digits (A = 10), then take mod 97 piecewise.
        var rearranged = string.Concat(iban.AsSpan(4), "3010", iban.AsSpan(2, 2));
        var remainder = 0;
        foreach (var c in rearranged)
        {
            remainder = ((remainder * 10) + (c - '0')) % 97;
        }

        return remainder == 1;
    }
}
