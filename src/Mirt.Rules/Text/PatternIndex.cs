using System.Collections.Frozen;

namespace Mirt.Rules.Text;

/// <summary>
/// Files patterns under the letters their first word must show at a token, so a set of hundreds of patterns tries
/// only a handful per token, with results identical to trying every pattern in order.
/// </summary>
/// <remarks>
/// A pattern without typo tolerance needs the token to start with its first one or two letters. A typo-tolerant first
/// word <c>v</c> (five letters or more, one edit) needs a token of four letters or more whose letters 0-1, 1-2 or
/// 0-2 show one of a few pairs of <c>v</c>'s first three letters: an edit at position 0 or 1 shifts or replaces one
/// letter, an edit further right keeps letters 0-1. <c>#</c> patterns are tried on number tokens only. Immutable and
/// thread-safe.
/// </remarks>
internal sealed class PatternIndex
{
    private const int MinTolerantTokenLength = 4;
    private readonly FrozenDictionary<int, int[]>[] _buckets;
    private readonly int[] _startingWithNumber;

    public PatternIndex(KeywordPattern[] patterns)
    {
        Patterns = patterns;
        var buckets = Enumerable.Range(0, (int)PatternIndexKind.Count).Select(_ => new Dictionary<int, List<int>>()).ToArray();
        var numbers = new List<int>();
        for (var i = 0; i < patterns.Length; i++)
        {
            var pattern = patterns[i];
            var v = pattern.FirstWord;
            if (pattern.StartsWithNumber)
            {
                numbers.Add(i);
            }
            else if (!pattern.FirstWordAllowsTypo)
            {
                File(buckets, v.Length == 1 ? PatternIndexKind.OneLetter : PatternIndexKind.Letters01, v.Length == 1 ? v[0] : Key(v[0], v[1]), i);
            }
            else
            {
                foreach (var key in (int[])[Key(v[0], v[1]), Key(v[1], v[0]), Key(v[0], v[2]), Key(v[1], v[2])])
                {
                    File(buckets, PatternIndexKind.Tolerant01, key, i);
                }

                File(buckets, PatternIndexKind.Tolerant12, Key(v[1], v[2]), i);
                File(buckets, PatternIndexKind.Tolerant12, Key(v[0], v[1]), i);
                File(buckets, PatternIndexKind.Tolerant02, Key(v[0], v[2]), i);
                File(buckets, PatternIndexKind.Tolerant02, Key(v[0], v[1]), i);
            }
        }

        _buckets = [.. buckets.Select(b => b.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray()))];
        _startingWithNumber = [.. numbers];
    }

    /// <summary>Gets the patterns in their original order.</summary>
    public KeywordPattern[] Patterns { get; }

    /// <summary>Finds the lowest-numbered pattern that matches at <paramref name="start"/> outside excluded tokens.</summary>
    /// <returns>The pattern index, or -1 when none matches.</returns>
    public int FirstMatch(IReadOnlyList<Token> tokens, int start, bool[] excluded)
    {
        var best = -1;
        var token = tokens[start];
        for (var kind = PatternIndexKind.OneLetter; kind < PatternIndexKind.Count; kind++)
        {
            foreach (var i in Candidates(kind, token))
            {
                if (best >= 0 && i >= best)
                {
                    break;
                }

                var pattern = Patterns[i];
                if (pattern.MatchesAt(tokens, start) && !Overlaps(excluded, start, pattern.Length))
                {
                    best = i;
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>Marks the tokens covered by every pattern that matches at <paramref name="start"/>.</summary>
    public void MarkMatches(IReadOnlyList<Token> tokens, int start, bool[] marks)
    {
        for (var kind = PatternIndexKind.OneLetter; kind < PatternIndexKind.Count; kind++)
        {
            foreach (var i in Candidates(kind, tokens[start]))
            {
                if (Patterns[i].MatchesAt(tokens, start))
                {
                    Array.Fill(marks, true, start, Patterns[i].Length);
                }
            }
        }
    }

    private int[] Candidates(PatternIndexKind kind, Token token) => token.IsNumber
        ? (kind == PatternIndexKind.OneLetter ? _startingWithNumber : [])
        : Bucket(kind, token.Value);

    private int[] Bucket(PatternIndexKind kind, string v) => _buckets[(int)kind].Count == 0 ? [] : kind switch
    {
        PatternIndexKind.OneLetter => Lookup(kind, v[0]),
        PatternIndexKind.Letters01 when v.Length >= 2 => Lookup(kind, Key(v[0], v[1])),
        PatternIndexKind.Tolerant01 when v.Length >= MinTolerantTokenLength => Lookup(kind, Key(v[0], v[1])),
        PatternIndexKind.Tolerant12 when v.Length >= MinTolerantTokenLength => Lookup(kind, Key(v[1], v[2])),
        PatternIndexKind.Tolerant02 when v.Length >= MinTolerantTokenLength => Lookup(kind, Key(v[0], v[2])),
        _ => [],
    };

    private int[] Lookup(PatternIndexKind kind, int key) => _buckets[(int)kind].GetValueOrDefault(key) ?? [];

    private static int Key(char a, char b) => (a << 16) | b;

    private static void File(Dictionary<int, List<int>>[] buckets, PatternIndexKind kind, int key, int index)
    {
        var bucket = buckets[(int)kind];
        if (!bucket.TryGetValue(key, out var list))
        {
            list = [];
            bucket.Add(key, list);
        }

        if (list.Count == 0 || list[^1] != index)
        {
            list.Add(index);
        }
    }

    private static bool Overlaps(bool[] excluded, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (excluded[i])
            {
                return true;
            }
        }

        return false;
    }
}
