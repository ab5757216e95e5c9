namespace Mirt.Host.Bench;

/// <summary>Holds the garbage collector's and the process's cumulative counters at one moment.</summary>
/// <param name="AllocatedBytes">Bytes allocated by every thread so far (<see cref="GC.GetTotalAllocatedBytes"/>).</param>
/// <param name="Gen0">Generation-0 collections so far.</param>
/// <param name="Gen1">Generation-1 collections so far.</param>
/// <param name="Gen2">Generation-2 collections so far.</param>
/// <param name="PauseMs">Time the collector paused the process so far, in ms.</param>
/// <param name="StorageWriteBytes">Bytes this process caused to be written to storage so far (Linux
/// <c>/proc/self/io</c> <c>write_bytes</c>), or <see langword="null"/> where that file does not exist.</param>
internal sealed record RuntimeSnapshot(long AllocatedBytes, int Gen0, int Gen1, int Gen2, double PauseMs, long? StorageWriteBytes)
{
    /// <summary>Reads the counters now.</summary>
    /// <returns>The snapshot.</returns>
    public static RuntimeSnapshot Take() => new(
        GC.GetTotalAllocatedBytes(precise: false),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration().TotalMilliseconds,
        ReadStorageWriteBytes());

    /// <summary>Reads the bytes this process caused to be written to storage so far (Linux <c>/proc/self/io</c>).</summary>
    /// <returns>The bytes, or <see langword="null"/> where the file does not exist.</returns>
    public static long? ReadStorageWriteBytes()
    {
        const string File = "/proc/self/io";
        if (!System.IO.File.Exists(File))
        {
            return null;
        }

        foreach (var line in System.IO.File.ReadLines(File))
        {
            if (line.StartsWith("write_bytes:", StringComparison.Ordinal)
                && long.TryParse(line.AsSpan("write_bytes:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var bytes))
            {
                return bytes;
            }
        }

        return null;
    }
}
