using System.Globalization;

namespace Mirt.Testing.Llm;

/// <summary>The tiny model's SentencePiece-style ("llama") vocabulary: the three special tokens, the 256 byte-fallback
/// tokens every input needs (llama.cpp encodes any character missing from the vocabulary as its UTF-8 bytes), then one
/// token per printable ASCII character, the SentencePiece space <c>▁</c>, and the Ukrainian alphabet, so both the JSON a
/// grammar asks for and the shop's Ukrainian prompts tokenize one character per token.</summary>
internal sealed class TinyGgufVocabulary
{
    public const int Unknown = 0;
    public const int BeginOfText = 1;
    public const int EndOfText = 2;

    // llama.cpp's token types (llama_token_type).
    private const int TypeNormal = 1;
    private const int TypeUnknown = 2;
    private const int TypeControl = 3;
    private const int TypeByte = 6;

    private const string UkrainianLetters = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя";

    private readonly List<string> _tokens = [];
    private readonly List<float> _scores = [];
    private readonly List<int> _types = [];
    private readonly List<bool> _readable = [];

    private TinyGgufVocabulary()
    {
        Add("<unk>", TypeUnknown, readable: false);
        Add("<s>", TypeControl, readable: false);
        Add("</s>", TypeControl, readable: true); // readable: the model should sometimes choose to stop
        for (var b = 0; b < 256; b++)
        {
            // Only the newline byte is meant to be generated: the other printable bytes have their own tokens below,
            // and a lone byte from 0x80 up is invalid UTF-8 on its own.
            Add(string.Create(CultureInfo.InvariantCulture, $"<0x{b:X2}>"), TypeByte, readable: b == '\n');
        }

        Add("\u2581", TypeNormal, readable: true); // ▁: SentencePiece's space
        for (var c = '!'; c <= '~'; c++)
        {
            Add(c.ToString(), TypeNormal, readable: true);
        }

        foreach (var letter in UkrainianLetters)
        {
            Add(letter.ToString(), TypeNormal, readable: true);
            Add(char.ToUpperInvariant(letter).ToString(), TypeNormal, readable: true);
        }
    }

    public static TinyGgufVocabulary Instance { get; } = new();

    public IReadOnlyList<string> Tokens => _tokens;

    public IReadOnlyList<float> Scores => _scores;

    public IReadOnlyList<int> TokenTypes => _types;

    /// <summary>Gets, per token, whether the model's output layer gives it full weight; the others are all but never
    /// sampled, so generated text is mostly printable ASCII and Ukrainian.</summary>
    public IReadOnlyList<bool> Readable => _readable;

    public int Count => _tokens.Count;

    private void Add(string text, int type, bool readable)
    {
        // Scores only rank merges of adjacent pieces; every normal piece here is one character, so nothing merges.
        _scores.Add(type == TypeNormal ? -_tokens.Count : 0f);
        _tokens.Add(text);
        _types.Add(type);
        _readable.Add(readable);
    }
}
