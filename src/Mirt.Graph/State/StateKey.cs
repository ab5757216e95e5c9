namespace Mirt.Graph.State;

/// <summary>
/// Names one channel of the conversation state, independent of its value type.
/// </summary>
public abstract class StateKey
{
    private protected StateKey(string name, StateKeyLifetime lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains(LogKey.SegmentSeparator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"State key '{name}' contains '{LogKey.SegmentSeparator}', which separates log segments in stored channel names; rename it.", nameof(name));
        }

        Name = name;
        Lifetime = lifetime;
    }

    /// <summary>Gets the channel name, unique in a graph's schema and stable across releases (it is stored).</summary>
    public string Name { get; }

    /// <summary>Gets how long a value written to the channel lives.</summary>
    public StateKeyLifetime Lifetime { get; }

    /// <summary>Gets the CLR type of the channel's value.</summary>
    public abstract Type ValueType { get; }

    /// <summary>Gets whether the channel is an append-only log stored in segments (see <see cref="LogKey"/>).</summary>
    public bool IsLog => Log is not null;

    internal LogCodec? Log { get; init; }

    internal abstract object? DefaultObject { get; }

    internal abstract object? Reduce(object? current, object? update);

    /// <summary>Returns the channel name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
