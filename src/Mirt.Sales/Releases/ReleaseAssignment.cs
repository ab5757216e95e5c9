using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Mirt.Graph.Diagnostics;

namespace Mirt.Sales.Releases;

/// <summary>
/// Assigns a conversation to <c>stable</c> or <c>canary</c>, sticky for as long as the settings stay: allow-listed ids
/// always go to the canary; every other id falls in one of 10 000 buckets by SHA-256 of its UTF-8 bytes and goes to
/// the canary when its bucket is below <c>percent × 100</c>.
/// </summary>
/// <remarks>The hash, not a random draw or a stored flag, keeps a conversation on one release across turns, restarts
/// and replicas; a percentage change moves only the buckets between the old and new cut. Immutable and thread-safe.</remarks>
public sealed class ReleaseAssignment
{
    /// <summary>The number of hash buckets: one bucket is 0.01 % of conversations.</summary>
    public const int Buckets = 10_000;

    private readonly HashSet<string> _allowList;
    private readonly int _canaryBuckets;

    /// <summary>Initializes a new instance of the <see cref="ReleaseAssignment"/> class.</summary>
    /// <param name="percent">The canary share in percent, 0 to 100; rounded to whole buckets (0.01 %).</param>
    /// <param name="allowList">The ids always on the canary; compared ordinally.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not in [0, 100].</exception>
    public ReleaseAssignment(double percent, IEnumerable<string> allowList)
    {
        ArgumentNullException.ThrowIfNull(allowList);
        if (!(percent >= 0 && percent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "The canary percentage must be from 0 to 100.");
        }

        _canaryBuckets = (int)Math.Round(percent * (Buckets / 100), MidpointRounding.AwayFromZero);
        _allowList = new HashSet<string>(allowList, StringComparer.Ordinal);
    }

    /// <summary>Gets the assignment that puts every conversation on stable.</summary>
    public static ReleaseAssignment StableOnly { get; } = new(0, []);

    /// <summary>Computes a thread id's bucket: the first 8 bytes of SHA-256 over its UTF-8 bytes, big-endian, modulo
    /// <see cref="Buckets"/>.</summary>
    /// <param name="threadId">The thread (subscriber) id.</param>
    /// <returns>The bucket, 0 to 9 999.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="threadId"/> is null.</exception>
    public static int BucketOf(string threadId)
    {
        ArgumentNullException.ThrowIfNull(threadId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(threadId), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % Buckets);
    }

    /// <summary>Names the release that serves a conversation.</summary>
    /// <param name="threadId">The thread (subscriber) id.</param>
    /// <returns><see cref="TelemetryContext.CanaryRelease"/> or <see cref="TelemetryContext.StableRelease"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="threadId"/> is null.</exception>
    public string ReleaseFor(string threadId) =>
        _allowList.Contains(threadId) || BucketOf(threadId) < _canaryBuckets ? TelemetryContext.CanaryRelease : TelemetryContext.StableRelease;
}
