namespace Mirt.Rules.Text;

/// <summary>
/// Groups the patterns that signal one thing (an intent, a colour, a payment word) together with exclusion phrases
/// whose words can never count as a hit, such as "no problem" for the complaint keyword "problem".
/// </summary>
/// <remarks>
/// Patterns are indexed by their first letters once, at construction, so matching a message tries only the patterns
/// that can start at each token. Immutable and thread-safe.
/// </remarks>
public sealed class KeywordSet
{
    private readonly PatternIndex _patterns;
    private readonly PatternIndex _exclusions;

    /// <summary>Creates a set from patterns and exclusions in <see cref="KeywordPattern"/> syntax.</summary>
    /// <param name="patterns">The phrases that count as a hit.</param>
    /// <param name="exclusions">The phrases whose tokens are ignored before matching; may be empty.</param>
    /// <exception cref="ArgumentException">A pattern is empty.</exception>
    public KeywordSet(IEnumerable<string> patterns, IEnumerable<string>? exclusions = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _patterns = new PatternIndex([.. patterns.Select(KeywordPattern.Parse)]);
        _exclusions = new PatternIndex([.. (exclusions ?? []).Select(KeywordPattern.Parse)]);
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
            var index = _patterns.FirstMatch(tokens, start, excluded);
            if (index >= 0)
            {
                var pattern = _patterns.Patterns[index];
                return new KeywordHit(pattern.Text, start, pattern.Length);
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
        if (_exclusions.Patterns.Length == 0)
        {
            return excluded;
        }

        for (var start = 0; start < tokens.Count; start++)
        {
            _exclusions.MarkMatches(tokens, start, excluded);
        }

        return excluded;
    }
}
