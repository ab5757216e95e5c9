namespace Mirt.Testing.Llm;

/// <summary>Generates a tiny llama-architecture model in GGUF format with deterministic pseudo-random F32 weights (about
/// 0.5 MB), for starting a real llama.cpp server in tests. The model talks nonsense, quickly: what the tests exercise is
/// the server's OpenAI-compatible protocol (chat template, sampling, JSON-schema grammars, usage, errors), not the words.</summary>
/// <remarks>Shapes follow llama.cpp's loader for <c>general.architecture = llama</c>: every matrix is stored as
/// <c>[input, output]</c> in ggml order (a row per output unit). The vocabulary is <see cref="TinyGgufVocabulary"/>.
/// Thread-safe: every call builds its own writer.</remarks>
public static class TinyGguf
{
    /// <summary>The model name written to <c>general.name</c>.</summary>
    public const string Name = "mirt-tiny";

    /// <summary>The width of the hidden state.</summary>
    public const int EmbeddingLength = 64;

    /// <summary>The number of transformer blocks.</summary>
    public const int BlockCount = 2;

    /// <summary>The number of query heads (head size 16).</summary>
    public const int HeadCount = 4;

    /// <summary>The number of key/value heads (grouped-query attention, two query heads per key/value head).</summary>
    public const int HeadCountKv = 2;

    /// <summary>The width of the feed-forward layer.</summary>
    public const int FeedForwardLength = 128;

    /// <summary>The longest context the model declares, in tokens; the server's <c>-c</c> may not exceed it.</summary>
    public const int ContextLength = 8192;

    /// <summary>The seed of the weights; changing it changes every byte of the file.</summary>
    public const ulong Seed = 20240917;

    /// <summary>Gets the Jinja chat template (<c>tokenizer.chat_template</c>): the tools as JSON in a first
    /// <c>&lt;|system|&gt;</c> line when the request has any, then one <c>&lt;|role|&gt;</c> line per message followed by
    /// its text and its tool calls as <c>&lt;tool_call&gt;{"name": …, "arguments": {…}}&lt;/tool_call&gt;</c>, then
    /// <c>&lt;|assistant|&gt;</c> when a reply is wanted. llama.cpp derives its tool-call parser from it, so requests
    /// with tools and tool-call round trips render; the random model practically never writes a call itself, so test
    /// tool-call parsing against a scripted server.</summary>
    public static string ChatTemplate { get; } = """
        {%- if tools -%}
        {{- '<|system|>\nTools: ' + (tools | tojson) + '\n' -}}
        {%- endif -%}
        {%- for message in messages -%}
        {{- '<|' + message['role'] + '|>\n' -}}
        {%- if message['content'] is string -%}{{- message['content'] -}}{%- endif -%}
        {%- if message['tool_calls'] is defined and message['tool_calls'] -%}
        {%- for call in message['tool_calls'] -%}
        {{- '<tool_call>\n{"name": "' + call['function']['name'] + '", "arguments": ' -}}
        {%- if call['function']['arguments'] is string -%}{{- call['function']['arguments'] -}}{%- else -%}{{- call['function']['arguments'] | tojson -}}{%- endif -%}
        {{- '}\n</tool_call>' -}}
        {%- endfor -%}
        {%- endif -%}
        {{- '\n' -}}
        {%- endfor -%}
        {%- if add_generation_prompt -%}{{- '<|assistant|>\n' -}}{%- endif -%}
        """;

    /// <summary>Gets the number of tokens in the vocabulary.</summary>
    public static int VocabularySize => TinyGgufVocabulary.Instance.Count;

    /// <summary>Builds the model file in memory; the same bytes on every call and every machine.</summary>
    /// <returns>The GGUF file's bytes.</returns>
    public static byte[] Create()
    {
        using var stream = new MemoryStream();
        Write(stream);
        return stream.ToArray();
    }

    /// <summary>Writes the model file to a stream.</summary>
    /// <param name="stream">A writable stream, positioned at the start of the file.</param>
    public static void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var vocabulary = TinyGgufVocabulary.Instance;
        var gguf = new GgufWriter();
        gguf.Add("general.architecture", "llama");
        gguf.Add("general.name", Name);
        gguf.Add("llama.context_length", (uint)ContextLength);
        gguf.Add("llama.embedding_length", (uint)EmbeddingLength);
        gguf.Add("llama.block_count", (uint)BlockCount);
        gguf.Add("llama.feed_forward_length", (uint)FeedForwardLength);
        gguf.Add("llama.attention.head_count", (uint)HeadCount);
        gguf.Add("llama.attention.head_count_kv", (uint)HeadCountKv);
        gguf.Add("llama.attention.layer_norm_rms_epsilon", 1e-5f);
        gguf.Add("llama.rope.dimension_count", (uint)(EmbeddingLength / HeadCount));
        gguf.Add("llama.rope.freq_base", 10000f);
        gguf.Add("llama.vocab_size", (uint)vocabulary.Count);
        gguf.Add("tokenizer.ggml.model", "llama");
        gguf.Add("tokenizer.ggml.tokens", vocabulary.Tokens);
        gguf.Add("tokenizer.ggml.scores", vocabulary.Scores);
        gguf.Add("tokenizer.ggml.token_type", vocabulary.TokenTypes);
        gguf.Add("tokenizer.ggml.unknown_token_id", (uint)TinyGgufVocabulary.Unknown);
        gguf.Add("tokenizer.ggml.bos_token_id", (uint)TinyGgufVocabulary.BeginOfText);
        gguf.Add("tokenizer.ggml.eos_token_id", (uint)TinyGgufVocabulary.EndOfText);
        gguf.Add("tokenizer.ggml.add_bos_token", true);
        gguf.Add("tokenizer.ggml.add_eos_token", false);
        gguf.Add("tokenizer.chat_template", ChatTemplate);

        foreach (var tensor in TinyGgufWeights.Create(new SplitMix64(Seed), vocabulary))
        {
            gguf.AddTensor(tensor);
        }

        gguf.WriteTo(stream);
    }
}
