using System.Security.Cryptography;

namespace Mirt.Nodes.Vision.Recognition;

/// <summary>
/// Identifies a photo by its bytes, so the same picture sent twice (a new URL each time) is recognised as one.
/// </summary>
internal static class PhotoHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
