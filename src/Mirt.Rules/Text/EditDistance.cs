namespace Mirt.Rules.Text;

/// <summary>
/// Decides whether two words differ by at most one edit (optimal string alignment distance), used for typo tolerance.
/// </summary>
/// <remarks>Works on spans so that typo checks on every token allocate nothing.</remarks>
internal static class EditDistance
{
    public static bool AtMostOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length || i == b.Length)
        {
            return true;
        }

        var restA = a[(i + 1)..];
        var restB = b[(i + 1)..];
        if (a.Length == b.Length)
        {
            // Substitution, or a swap of two neighbouring letters.
            return restA.SequenceEqual(restB)
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]));
        }

        return a.Length > b.Length
            ? restA.SequenceEqual(b[i..])
            : a[i..].SequenceEqual(restB);
    }
}
