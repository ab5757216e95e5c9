using System.Text.RegularExpressions;
using Mirt.Rules.Text;

namespace Mirt.Rules.Customer;

/// <summary>
/// Finds Ukrainian mobile numbers in free text, so that other detectors (height, branch) never read phone digits.
/// </summary>
internal static partial class PhoneFinder
{
    private const int MaxGap = 3;

    public static IReadOnlyList<PhoneMatch> FindAll(string text)
    {
        var groups = DigitGroups().Matches(text);
        var result = new List<PhoneMatch>();
        var chainStart = 0;
        for (var i = 1; i <= groups.Count; i++)
        {
            if (i == groups.Count || !Connected(text, groups[i - 1], groups[i]))
            {
                FindInChain(text, groups, chainStart, i - 1, result);
                chainStart = i;
            }
        }

        return result;
    }

    /// <summary>Marks the tokens of a message that lie inside a phone number.</summary>
    public static bool[] TokenMask(TokenizedText text)
    {
        var phones = FindAll(text.Original);
        var mask = new bool[text.Tokens.Count];
        for (var i = 0; i < mask.Length; i++)
        {
            var start = text.Tokens[i].Start;
            mask[i] = phones.Any(p => p.Contains(start));
        }

        return mask;
    }

    private static bool Connected(string text, Match left, Match right)
    {
        var gapStart = left.Index + left.Length;
        var gap = text.AsSpan(gapStart, right.Index - gapStart);
        if (gap.Length > MaxGap)
        {
            return false;
        }

        foreach (var c in gap)
        {
            if (!Phone.IsSeparator(c))
            {
                return false;
            }
        }

        return true;
    }

    // Tries the longest run of groups first, leftmost first, so "100 0501112233" yields the ten-digit number.
    private static void FindInChain(string text, MatchCollection groups, int first, int last, List<PhoneMatch> result)
    {
        var start = first;
        while (start <= last)
        {
            var found = false;
            for (var end = last; end >= start && !found; end--)
            {
                var digits = string.Concat(Enumerable.Range(start, end - start + 1).Select(g => groups[g].Value));
                if (Phone.FromDigits(digits) is { } normalized)
                {
                    result.Add(new PhoneMatch(SpanStart(text, groups[start].Index), groups[end].Index + groups[end].Length, normalized));
                    start = end + 1;
                    found = true;
                }
            }

            if (!found)
            {
                start++;
            }
        }
    }

    private static int SpanStart(string text, int index)
    {
        var start = index;
        while (start > 0 && (text[start - 1] == '+' || text[start - 1] == '('))
        {
            start--;
        }

        return start;
    }

    [GeneratedRegex("[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGroups();
}
