namespace Mirt.Testing.Llm;

/// <summary>The value types of GGUF metadata, with the numbers the format stores (ggml's <c>gguf_type</c>).</summary>
internal enum GgufValueType : uint
{
    UInt32 = 4,
    Int32 = 5,
    Float32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
}
