namespace Mirt.Rules.Text;

/// <summary>
/// Groups the patterns that signal one thing (an intent, a colour, a payment word) together with exclusion phrases
/// whose words can never count as a hit, such as "no problem" for the complaint keyword "problem".
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class KeywordSet
{
    private readonly KeywordPattern[] _patterns;
    private readonly KeywordPattern[] _exclusions;

    /// <summary>Creates a set from patterns and exclusions in <see cref="KeywordPattern"/> syntax.</summary>
    /// <param name="patterns">The phrases that count as a hit.</param>
    /// <param name="exclusions">The phrases whose tokens are ignored before matching; may be empty.</param>
    /// <exception cref="ArgumentException">A pattern is empty.</exception>
    public KeywordSet(IEnumerable<string> patterns, IEnumerable<string>? exclusions = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _patterns = [.. patterns.Select(KeywordPattern.Parse)];
        _exclusions = [.. (exclusions ?? []).Select(KeywordPattern.Parse)];
    }

    /// <summary>Gets an empty set that never matches.</summary>
    public static KeywordSet Empty { get; } = new([]);

    /// <summary>Finds the first pattern that matches the message outside every exclusion phrase.</summary>
    /// <param name="text">The tokenised message.</param>
    /// <returns>The matching pattern and where it starts, or <see langword="null"/> when nothing matches.</returns>
    public KeywordHit? FindFirst(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = text.Tokens;
        var excluded = ExcludedTokens(tokens);
        for (var start = 0; start < tokens.Count; start++)
        {
            foreach (var pattern in _patterns)
            {
                if (pattern.MatchesAt(tokens, start) && !Overlaps(excluded, start, pattern.Length))
                {
                    return new KeywordHit(pattern.Text, start, pattern.Length);
                }
            }
        }

        return null;
    }

    /// <summary>Tells whether any pattern matches the message outside every exclusion phrase.</summary>
    /// <param name="text">The tokenised message.</param>
    /// <returns><see langword="true"/> when <see cref="FindFirst"/> finds a hit.</returns>
    public bool Matches(TokenizedText text) => FindFirst(text) is not null;

    private bool[] ExcludedTokens(IReadOnlyList<Token> tokens)
    {
        var excluded = new bool[tokens.Count];
        foreach (var exclusion in _exclusions)
        {
            for (var start = 0; start < tokens.Count; start++)
            {
                if (exclusion.MatchesAt(tokens, start))
                {
                    Array.Fill(excluded, true, start, exclusion.Length);
                }
            }
        }

        return excluded;
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
