using Mirt.Rules.Text;

namespace Mirt.Rules.Intents;

/// <summary>
/// Spots a Ukrainian phone number in a message, which means the customer is sending delivery data
/// (see <c>shared/DOMAIN.md</c>, Delivery: phones normalise to <c>+380XXXXXXXXX</c>).
/// </summary>
/// <remarks>
/// A run of adjacent number tokens ("067 123 45 67", "+380501112233") counts when its digits start with <c>0</c> and
/// number 10, or start with <c>380</c> and number 12. Heights, ages and branch numbers are far shorter.
/// </remarks>
internal static class PhoneNumberHint
{
    private const int LocalLength = 10;
    private const int InternationalLength = 12;
    private const string InternationalPrefix = "380";

    public static bool Contains(TokenizedText text)
    {
        var tokens = text.Tokens;
        var i = 0;
        while (i < tokens.Count)
        {
            if (!tokens[i].IsNumber)
            {
                i++;
                continue;
            }

            var start = i;
            var digits = 0;
            while (i < tokens.Count && tokens[i].IsNumber)
            {
                digits += tokens[i].Value.Length;
                i++;
            }

            var first = tokens[start].Value;
            if ((digits == LocalLength && first[0] == '0')
                || (digits == InternationalLength && first.StartsWith(InternationalPrefix, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
