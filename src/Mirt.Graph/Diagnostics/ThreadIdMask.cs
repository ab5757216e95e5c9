using System.Security.Cryptography;
using System.Text;

namespace Mirt.Graph.Diagnostics;

/// <summary>
/// Turns a thread id into a short stable hash for spans and logs, because a thread id may be a phone number or a
/// customer name and must never leave the process in clear.
/// </summary>
public static class ThreadIdMask
{
    /// <summary>Hashes a thread id: the first 16 lowercase hex digits of its UTF-8 SHA-256.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <returns>16 hex characters; the same id always gives the same hash.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="threadId"/> is <see langword="null"/>.</exception>
    public static string Hash(string threadId)
    {
        ArgumentNullException.ThrowIfNull(threadId);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(threadId), digest);
        return Convert.ToHexStringLower(digest[..8]);
    }
}
