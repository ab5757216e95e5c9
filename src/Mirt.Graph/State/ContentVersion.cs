using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Mirt.Graph.State;

/// <summary>
/// Derives a stored channel version from the channel's serialised value, so a version names exactly one value:
/// unchanged values keep their version (and are not written again) and two forks of a thread can never store
/// different values under the same version.
/// </summary>
internal static class ContentVersion
{
    /// <summary>Computes the version of a JSON value: the first 62 bits of its SHA-256, never 0.</summary>
    /// <param name="json">The UTF-8 JSON text.</param>
    /// <returns>A positive version.</returns>
    public static long Of(string json)
    {
        Span<byte> hash = stackalloc byte[32];
        var byteCount = Encoding.UTF8.GetByteCount(json);
        var buffer = byteCount <= 4096 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(json, buffer);
        SHA256.HashData(buffer, hash);
        var version = (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) >> 2);
        return version == 0 ? 1 : version;
    }
}
