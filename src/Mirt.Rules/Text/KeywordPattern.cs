namespace Mirt.Rules.Text;

/// <summary>
/// Matches a phrase of one or more words against message tokens on word boundaries.
/// </summary>
/// <remarks>
/// Syntax: words separated by spaces; a word ending in <c>*</c> matches any word that starts with it (a stem);
/// a word of five or more letters also matches with one typo (insertion, deletion, substitution or swap of
/// neighbours). A word starting with <c>=</c> (for example <c>=pochty</c> or <c>=skryn*</c>) never tolerates a typo, for short
/// words whose one-letter neighbours mean something else. <c>#</c> stands for any number token. Immutable and thread-safe.
/// </remarks>
public sealed class KeywordPattern
{
    private const int MinTypoLength = 5;
    private readonly PatternWord[] _words;

    private KeywordPattern(string text, PatternWord[] words)
    {
        Text = text;
        _words = words;
    }

    /// <summary>Gets the pattern as written in the rules data.</summary>
    public string Text { get; }

    /// <summary>Gets how many tokens a match spans.</summary>
    public int Length => _words.Length;

    /// <summary>Gets a value indicating whether the first word is <c>#</c>, which matches only number tokens.</summary>
    internal bool StartsWithNumber => _words[0].IsNumber;

    /// <summary>Gets the normalised first word, used to index patterns by letter.</summary>
    internal string FirstWord => _words[0].Value;

    /// <summary>Gets a value indicating whether the first word tolerates one typo (then it has five letters or more).</summary>
    internal bool FirstWordAllowsTypo => _words[0].AllowsTypo;

    /// <summary>Parses a pattern written in the syntax described in the remarks.</summary>
    /// <param name="pattern">The pattern, for example <c>"nova* posht*"</c>.</param>
    /// <returns>The parsed pattern.</returns>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is empty or has no word.</exception>
    public static KeywordPattern Parse(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var parts = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var words = new PatternWord[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var isExact = parts[i].StartsWith('=');
            var part = isExact ? parts[i][1..] : parts[i];
            var isStem = part.EndsWith('*');
            var stem = isStem ? part[..^1] : part;
            if (stem.Length == 0)
            {
                throw new ArgumentException($"The keyword pattern '{pattern}' has an empty word; write a word after '=' and before '*'.", nameof(pattern));
            }

            var normalized = TokenizedText.From(stem).Tokens is [var only] && stem != "#" ? only.Value : stem.ToLowerInvariant();
            words[i] = new PatternWord(normalized, isStem, stem == "#", AllowsTypo: !isExact && normalized.Length >= MinTypoLength);
        }

        return new KeywordPattern(pattern, words);
    }

    /// <summary>Tells whether the pattern matches the tokens starting at <paramref name="index"/>.</summary>
    /// <param name="tokens">The message tokens.</param>
    /// <param name="index">The zero-based token index where the match must start.</param>
    /// <returns><see langword="true"/> when every pattern word matches the token at its place.</returns>
    public bool MatchesAt(IReadOnlyList<Token> tokens, int index)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (index < 0 || index + _words.Length > tokens.Count)
        {
            return false;
        }

        for (var i = 0; i < _words.Length; i++)
        {
            if (!_words[i].Matches(tokens[index + i]))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct PatternWord(string Value, bool IsStem, bool IsNumber, bool AllowsTypo)
    {
        public bool Matches(Token token)
        {
            if (IsNumber)
            {
                return token.IsNumber;
            }

            if (token.IsNumber)
            {
                return false;
            }

            var text = token.Value;
            if (IsStem)
            {
                if (text.StartsWith(Value, StringComparison.Ordinal))
                {
                    return true;
                }

                return AllowsTypo && StemMatchesWithTypo(text);
            }

            return string.Equals(text, Value, StringComparison.Ordinal)
                || (AllowsTypo && EditDistance.AtMostOne(text, Value));
        }

        private bool StemMatchesWithTypo(string text)
        {
            for (var cut = Value.Length - 1; cut <= Value.Length + 1; cut++)
            {
                if (cut <= text.Length && EditDistance.AtMostOne(text.AsSpan(0, cut), Value))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
