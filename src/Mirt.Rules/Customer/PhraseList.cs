using Mirt.Rules.Text;

namespace Mirt.Rules.Customer;

/// <summary>
/// Finds every occurrence of a set of <see cref="KeywordPattern"/> phrases, honouring exclusion phrases, where
/// <see cref="KeywordSet"/> reports only the first.
/// </summary>
internal sealed class PhraseList
{
    private readonly KeywordPattern[] _patterns;
    private readonly KeywordPattern[] _exclusions;

    public PhraseList(IEnumerable<string>? patterns, IEnumerable<string>? exclusions = null)
    {
        _patterns = [.. (patterns ?? []).Select(KeywordPattern.Parse)];
        _exclusions = [.. (exclusions ?? []).Select(KeywordPattern.Parse)];
    }

    public bool IsEmpty => _patterns.Length == 0;

    /// <summary>Returns the length in tokens of the longest phrase that matches at <paramref name="index"/> outside every exclusion, or 0.</summary>
    public int MatchAt(IReadOnlyList<Token> tokens, int index)
    {
        var best = 0;
        foreach (var pattern in _patterns)
        {
            if (pattern.Length > best && pattern.MatchesAt(tokens, index) && !Excluded(tokens, index, pattern.Length))
            {
                best = pattern.Length;
            }
        }

        return best;
    }

    /// <summary>Lists the non-overlapping matches in message order as token index and length.</summary>
    public List<(int Index, int Length)> FindAll(IReadOnlyList<Token> tokens)
    {
        var hits = new List<(int Index, int Length)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var length = MatchAt(tokens, i);
            if (length > 0)
            {
                hits.Add((i, length));
                i += length - 1;
            }
        }

        return hits;
    }

    private bool Excluded(IReadOnlyList<Token> tokens, int index, int length)
    {
        foreach (var exclusion in _exclusions)
        {
            // An exclusion counts when it overlaps the match; it may start a few tokens earlier ("bila tserkva").
            for (var start = Math.Max(0, index - exclusion.Length + 1); start < index + length; start++)
            {
                if (exclusion.MatchesAt(tokens, start))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
