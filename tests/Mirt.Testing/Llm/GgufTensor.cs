namespace Mirt.Testing.Llm;

/// <summary>One F32 tensor for <see cref="GgufWriter"/>.</summary>
/// <param name="Name">The tensor's name as llama.cpp looks it up, for example <c>blk.0.attn_q.weight</c>.</param>
/// <param name="Shape">The dimensions in ggml order: the first is the length of a row (the fastest-moving index).</param>
/// <param name="Data">The values, row after row; as many as the shape's product.</param>
internal sealed record GgufTensor(string Name, IReadOnlyList<long> Shape, float[] Data);
