using System.Buffers.Binary;
using System.Security.Cryptography;
using Mirt.Testing.Llm;

namespace Mirt.Llm.OpenAI.Tests.Llama;

public sealed class TinyGgufTests
{
    [Fact]
    public void Create_CalledTwice_ReturnsTheSameBytes()
    {
        var first = TinyGguf.Create();
        var second = TinyGguf.Create();

        second.Should().Equal(first);
    }

    [Fact]
    public void Create_Always_WritesTheKnownFile()
    {
        // Pins the bytes across machines and .NET versions. When the generator changes on purpose, put the new hash here.
        var hash = Convert.ToHexStringLower(SHA256.HashData(TinyGguf.Create()));

        hash.Should().Be(KnownSha256);
    }

    [Fact]
    public void Create_Always_WritesAGgufV3HeaderAndStaysSmall()
    {
        var bytes = TinyGguf.Create();

        bytes.AsSpan(0, 4).ToArray().Should().Equal("GGUF"u8.ToArray());
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)).Should().Be(3u);
        BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8)).Should().Be(3 + (9 * TinyGguf.BlockCount), "token_embd, output_norm, output and nine tensors per block");
        bytes.Length.Should().BeInRange(100_000, 1_000_000);
    }

    private const string KnownSha256 = "6bc57d9d924f9c52b084f4c89ed06bf286c7f2a50feffc9060fa20d8e7242f3f";
}
