using System.Text.Json;

namespace Mirt.Graph.State;

/// <summary>Splits an append-only log channel into fixed-size segments for storage and joins them back.</summary>
internal abstract class LogCodec
{
    /// <summary>Gets how many items one stored segment holds.</summary>
    public abstract int SegmentSize { get; }

    /// <summary>Serialises the log as segments of <see cref="SegmentSize"/> items, oldest first.</summary>
    /// <param name="log">The log value.</param>
    /// <param name="json">Serialiser options.</param>
    /// <param name="fromSegment">The first segment to serialise; earlier ones are skipped.</param>
    /// <returns>One JSON array per segment from <paramref name="fromSegment"/> on.</returns>
    public abstract List<string> Encode(object? log, JsonSerializerOptions json, int fromSegment = 0);

    /// <summary>Counts the leading segments that were full in <paramref name="previous"/> and hold the same items in
    /// <paramref name="current"/>, so their stored JSON and content version still apply.</summary>
    /// <param name="previous">The log as last encoded or decoded.</param>
    /// <param name="current">The log now.</param>
    /// <returns>How many leading segments need no serialising.</returns>
    /// <remarks>Appends keep the earlier items as the same objects, so the check is mostly reference comparisons.</remarks>
    public abstract int UnchangedSegments(object? previous, object? current);

    /// <summary>Joins segments back into one log value.</summary>
    /// <param name="segments">JSON arrays, oldest first.</param>
    /// <param name="json">Serialiser options.</param>
    /// <returns>The log value.</returns>
    public abstract object Decode(IEnumerable<string> segments, JsonSerializerOptions json);
}

/// <summary>The typed <see cref="LogCodec"/> of a log of <typeparamref name="TItem"/>.</summary>
/// <typeparam name="TItem">The item type.</typeparam>
internal sealed class LogCodec<TItem>(int segmentSize) : LogCodec
{
    public override int SegmentSize { get; } = segmentSize;

    public override List<string> Encode(object? log, JsonSerializerOptions json, int fromSegment = 0)
    {
        var items = (IReadOnlyList<TItem>?)log ?? [];
        var segments = new List<string>(Math.Max(0, ((items.Count + SegmentSize - 1) / SegmentSize) - fromSegment));
        for (var start = fromSegment * SegmentSize; start < items.Count; start += SegmentSize)
        {
            var segment = new TItem[Math.Min(SegmentSize, items.Count - start)];
            for (var i = 0; i < segment.Length; i++)
            {
                segment[i] = items[start + i];
            }

            segments.Add(JsonSerializer.Serialize(segment, json));
        }

        return segments;
    }

    public override int UnchangedSegments(object? previous, object? current)
    {
        var before = (IReadOnlyList<TItem>?)previous ?? [];
        var now = (IReadOnlyList<TItem>?)current ?? [];
        var full = Math.Min(before.Count, now.Count) / SegmentSize;
        for (var i = 0; i < full * SegmentSize; i++)
        {
            if (!ReferenceEquals(before[i], now[i]) && !EqualityComparer<TItem>.Default.Equals(before[i], now[i]))
            {
                return i / SegmentSize;
            }
        }

        return full;
    }

    public override object Decode(IEnumerable<string> segments, JsonSerializerOptions json)
    {
        var items = new List<TItem>();
        foreach (var segment in segments)
        {
            items.AddRange(JsonSerializer.Deserialize<TItem[]>(segment, json) ?? []);
        }

        return items.AsReadOnly();
    }
}
