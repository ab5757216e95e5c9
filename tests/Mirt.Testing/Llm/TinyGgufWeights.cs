namespace Mirt.Testing.Llm;

/// <summary>Draws the tiny model's tensors, in a fixed order from one seeded generator, with the names and shapes
/// llama.cpp's llama loader expects.</summary>
internal static class TinyGgufWeights
{
    // Output rows of "readable" tokens get logits with a standard deviation of about 4, the rest about 0.2: after
    // llama.cpp's default top-k/min-p sampling, generated text is made of readable tokens.
    private const float ReadableOutputAmplitude = 0.9f;
    private const float OtherOutputAmplitude = 0.05f;

    public static IEnumerable<GgufTensor> Create(SplitMix64 random, TinyGgufVocabulary vocabulary)
    {
        const int embd = TinyGguf.EmbeddingLength;
        const int ff = TinyGguf.FeedForwardLength;
        const int kv = TinyGguf.EmbeddingLength / TinyGguf.HeadCount * TinyGguf.HeadCountKv;
        var vocab = vocabulary.Count;

        yield return Random(random, "token_embd.weight", embd, vocab, 1f);
        for (var block = 0; block < TinyGguf.BlockCount; block++)
        {
            var prefix = $"blk.{block}.";
            yield return Ones(prefix + "attn_norm.weight", embd);
            yield return Linear(random, prefix + "attn_q.weight", embd, embd);
            yield return Linear(random, prefix + "attn_k.weight", embd, kv);
            yield return Linear(random, prefix + "attn_v.weight", embd, kv);
            yield return Linear(random, prefix + "attn_output.weight", embd, embd);
            yield return Ones(prefix + "ffn_norm.weight", embd);
            yield return Linear(random, prefix + "ffn_gate.weight", embd, ff);
            yield return Linear(random, prefix + "ffn_up.weight", embd, ff);
            yield return Linear(random, prefix + "ffn_down.weight", ff, embd);
        }

        yield return Ones("output_norm.weight", embd);
        var output = new float[embd * vocab];
        for (var token = 0; token < vocab; token++)
        {
            var amplitude = vocabulary.Readable[token] ? ReadableOutputAmplitude : OtherOutputAmplitude;
            for (var i = 0; i < embd; i++)
            {
                output[(token * embd) + i] = random.NextSymmetric(amplitude);
            }
        }

        yield return new GgufTensor("output.weight", [embd, vocab], output);
    }

    /// <summary>A weight matrix scaled so its outputs keep the variance of its inputs (uniform, variance 1/fan-in).</summary>
    private static GgufTensor Linear(SplitMix64 random, string name, int inputs, int outputs) =>
        Random(random, name, inputs, outputs, MathF.Sqrt(3f / inputs));

    private static GgufTensor Random(SplitMix64 random, string name, int rowLength, int rows, float amplitude)
    {
        var data = new float[rowLength * rows];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = random.NextSymmetric(amplitude);
        }

        return new GgufTensor(name, [rowLength, rows], data);
    }

    private static GgufTensor Ones(string name, int length) => new(name, [length], Enumerable.Repeat(1f, length).ToArray());
}
