namespace Mirt.Rules.Text;

/// <summary>
/// Holds a message together with its tokens, so that several detectors share one tokenisation.
/// </summary>
public sealed class TokenizedText
{
    internal TokenizedText(string original, IReadOnlyList<Token> tokens)
    {
        Original = original;
        Tokens = tokens;
    }

    /// <summary>Gets the message exactly as the customer wrote it (empty when none).</summary>
    public string Original { get; }

    /// <summary>Gets the words and numbers of the message in order.</summary>
    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>Gets a value indicating whether the message holds no word or number.</summary>
    public bool IsEmpty => Tokens.Count == 0;

    /// <summary>Splits <paramref name="text"/> into tokens; <see langword="null"/> is treated as empty.</summary>
    /// <param name="text">The customer message.</param>
    /// <returns>The tokenised message.</returns>
    public static TokenizedText From(string? text) => Tokenizer.Tokenize(text ?? string.Empty);
}
