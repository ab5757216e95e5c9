using System.Text;

namespace Mirt.Testing.Llm;

/// <summary>Writes a GGUF v3 file (the model format llama.cpp loads): header, typed metadata, tensor descriptions and
/// the F32 tensor data, each tensor aligned to <see cref="Alignment"/> bytes. Little-endian throughout, as the format
/// requires; strings are UTF-8 with a 64-bit length and no terminator.</summary>
internal sealed class GgufWriter
{
    /// <summary>The alignment of the data section and of every tensor in it (the format's default, <c>general.alignment</c> absent).</summary>
    public const int Alignment = 32;

    private const uint Magic = 0x46554747; // "GGUF" read as a little-endian uint32
    private const uint Version = 3;
    private const int GgmlTypeF32 = 0;

    private readonly List<(string Key, GgufValueType Type, Action<BinaryWriter> WriteValue)> _metadata = [];
    private readonly List<GgufTensor> _tensors = [];

    public void Add(string key, string value) => _metadata.Add((key, GgufValueType.String, w => WriteString(w, value)));

    public void Add(string key, uint value) => _metadata.Add((key, GgufValueType.UInt32, w => w.Write(value)));

    public void Add(string key, float value) => _metadata.Add((key, GgufValueType.Float32, w => w.Write(value)));

    public void Add(string key, bool value) => _metadata.Add((key, GgufValueType.Bool, w => w.Write(value)));

    public void Add(string key, IReadOnlyList<string> values) =>
        AddArray(key, GgufValueType.String, values.Count, w => { foreach (var v in values) { WriteString(w, v); } });

    public void Add(string key, IReadOnlyList<float> values) =>
        AddArray(key, GgufValueType.Float32, values.Count, w => { foreach (var v in values) { w.Write(v); } });

    public void Add(string key, IReadOnlyList<int> values) =>
        AddArray(key, GgufValueType.Int32, values.Count, w => { foreach (var v in values) { w.Write(v); } });

    public void AddTensor(GgufTensor tensor)
    {
        var elements = tensor.Shape.Aggregate(1L, (product, dim) => product * dim);
        if (elements != tensor.Data.Length)
        {
            throw new ArgumentException($"Tensor {tensor.Name} has shape [{string.Join(", ", tensor.Shape)}] ({elements} values) but {tensor.Data.Length} values; make the data match the shape.", nameof(tensor));
        }

        _tensors.Add(tensor);
    }

    public void WriteTo(Stream stream)
    {
        using var writer = new BinaryWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write((long)_tensors.Count);
        writer.Write((long)_metadata.Count);
        foreach (var (key, type, writeValue) in _metadata)
        {
            WriteString(writer, key);
            writer.Write((uint)type);
            writeValue(writer);
        }

        // Tensor offsets count from the start of the data section; each tensor starts on an aligned offset.
        long offset = 0;
        foreach (var tensor in _tensors)
        {
            WriteString(writer, tensor.Name);
            writer.Write((uint)tensor.Shape.Count);
            foreach (var dim in tensor.Shape)
            {
                writer.Write(dim);
            }

            writer.Write(GgmlTypeF32);
            writer.Write((ulong)offset);
            offset = Align(offset + ((long)tensor.Data.Length * sizeof(float)));
        }

        Pad(writer);
        var dataStart = writer.BaseStream.Position;
        foreach (var tensor in _tensors)
        {
            foreach (var value in tensor.Data)
            {
                writer.Write(value);
            }

            Pad(writer, dataStart);
        }
    }

    private void AddArray(string key, GgufValueType elementType, int count, Action<BinaryWriter> writeElements) =>
        _metadata.Add((key, GgufValueType.Array, w =>
        {
            w.Write((uint)elementType);
            w.Write((ulong)count);
            writeElements(w);
        }));

    private static void WriteString(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }

    private static long Align(long offset) => (offset + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter writer, long origin = 0)
    {
        var position = writer.BaseStream.Position - origin;
        writer.Write(new byte[Align(position) - position]);
    }
}
