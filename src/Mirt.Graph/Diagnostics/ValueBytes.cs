using System.Text;
using Mirt.Graph.Checkpoints;

namespace Mirt.Graph.Diagnostics;

/// <summary>Measures the UTF-8 size of the values a checkpoint call moves, for the <c>checkpointer</c> log line.</summary>
internal static class ValueBytes
{
    /// <summary>Gives the bytes of a loaded checkpoint: every channel value and every pending write value.</summary>
    public static long Of(CheckpointTuple tuple)
    {
        long bytes = 0;
        foreach (var value in tuple.Checkpoint.ChannelValues.Values)
        {
            bytes += Encoding.UTF8.GetByteCount(value);
        }

        foreach (var write in tuple.PendingWrites)
        {
            bytes += Encoding.UTF8.GetByteCount(write.ValueJson);
        }

        return bytes;
    }

    /// <summary>Gives the bytes a put writes: the values of its new versions, or of every channel when none are named.</summary>
    public static long Written(Checkpoint checkpoint, IReadOnlyDictionary<string, long>? newVersions)
    {
        long bytes = 0;
        foreach (var channel in (newVersions ?? checkpoint.ChannelVersions).Keys)
        {
            if (checkpoint.ChannelValues.TryGetValue(channel, out var value))
            {
                bytes += Encoding.UTF8.GetByteCount(value);
            }
        }

        return bytes;
    }

    /// <summary>Gives the bytes of pending writes.</summary>
    public static long Of(IReadOnlyList<ChannelWrite> writes)
    {
        long bytes = 0;
        foreach (var write in writes)
        {
            bytes += Encoding.UTF8.GetByteCount(write.ValueJson ?? string.Empty);
        }

        return bytes;
    }
}
