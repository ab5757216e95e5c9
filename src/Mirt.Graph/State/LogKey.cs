namespace Mirt.Graph.State;

/// <summary>
/// Creates keys for append-only logs (a conversation transcript, an audit trail) whose storage does not grow with
/// the length of the conversation.
/// </summary>
/// <remarks>
/// A log is stored as segments of a fixed number of items, each its own stored channel (<c>name#0</c>,
/// <c>name#1</c>, …). Full segments never change, keep their content version and are never written again; a step
/// that appends writes only the last segment. So the bytes written per turn stay bounded by one segment however long
/// the conversation grows, while loading the latest state still reads the whole log. What is sent to a model is a
/// separate policy (trim when reading), not a storage concern.
/// </remarks>
public static class LogKey
{
    /// <summary>The character that separates a log channel's name from its segment number in stored channel names.</summary>
    public const char SegmentSeparator = '#';

    /// <summary>Creates a log key: writes append items; <see cref="StateKey{T}.Overwrite"/> replaces the whole log.</summary>
    /// <typeparam name="TItem">The item type; it must round-trip through System.Text.Json.</typeparam>
    /// <param name="name">The channel name; stored, so keep it stable; must not contain <see cref="SegmentSeparator"/>.</param>
    /// <param name="segmentSize">How many items one stored segment holds (1–4096); the default 16 keeps a typical turn's write under 4 KB.</param>
    /// <param name="lifetime">How long the log lives; usually the whole conversation.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains <see cref="SegmentSeparator"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segmentSize"/> is outside 1–4096.</exception>
    public static StateKey<IReadOnlyList<TItem>> Create<TItem>(string name, int segmentSize = 16, StateKeyLifetime lifetime = StateKeyLifetime.Conversation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segmentSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(segmentSize, 4096);
        return new StateKey<IReadOnlyList<TItem>>(name, [], static (current, added) => [.. current, .. added], lifetime)
        {
            Log = new LogCodec<TItem>(segmentSize),
        };
    }
}
