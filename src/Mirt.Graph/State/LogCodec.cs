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
    /// <returns>One JSON array per segment.</returns>
    public abstract List<string> Encode(object? log, JsonSerializerOptions json);

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

    public override List<string> Encode(object? log, JsonSerializerOptions json)
    {
        var items = (IReadOnlyList<TItem>?)log ?? [];
        var segments = new List<string>((items.Count + SegmentSize - 1) / SegmentSize);
        for (var start = 0; start < items.Count; start += SegmentSize)
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
