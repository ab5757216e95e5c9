using System.Collections.Immutable;

namespace Mirt.Graph.State;

/// <summary>
/// Holds the conversation state as an immutable map of typed channels with per-channel versions.
/// </summary>
/// <remarks>Immutable and thread-safe; every change returns a new instance.</remarks>
public sealed class GraphState
{
    private readonly ImmutableDictionary<string, object?> _values;
    private readonly ImmutableDictionary<string, long> _versions;

    private GraphState(ImmutableDictionary<string, object?> values, ImmutableDictionary<string, long> versions)
    {
        _values = values;
        _versions = versions;
    }

    /// <summary>Gets a state in which no channel has been written.</summary>
    public static GraphState Empty { get; } = new(
        ImmutableDictionary.Create<string, object?>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, long>(StringComparer.Ordinal));

    /// <summary>Gets the names of the channels that hold a value.</summary>
    public IEnumerable<string> Channels => _values.Keys;

    /// <summary>Gets the version of each channel ever written; a version grows by one on every write and reset, and
    /// outlives a reset value so versions never repeat.</summary>
    public IReadOnlyDictionary<string, long> Versions => _versions;

    /// <summary>Reads a channel, or the key's default when it was never written.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="key">The channel.</param>
    /// <returns>The value.</returns>
    public T Get<T>(StateKey<T> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _values.TryGetValue(key.Name, out var value) ? (T)value! : key.Default;
    }

    /// <summary>Tells whether a channel holds a written value.</summary>
    /// <param name="key">The channel.</param>
    /// <returns><see langword="true"/> when the channel was written and not reset.</returns>
    public bool Has(StateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _values.ContainsKey(key.Name);
    }

    /// <summary>Applies writes in order, merging each through its key's reducer.</summary>
    /// <param name="writes">The writes.</param>
    /// <returns>The new state.</returns>
    public GraphState Apply(IEnumerable<StateWrite> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var values = _values.ToBuilder();
        var versions = _versions.ToBuilder();
        foreach (var write in writes)
        {
            var current = values.TryGetValue(write.Key.Name, out var existing) ? existing : write.Key.DefaultObject;
            values[write.Key.Name] = write.Overwrite ? write.Value : write.Key.Reduce(current, write.Value);
            versions[write.Key.Name] = versions.GetValueOrDefault(write.Key.Name) + 1;
        }

        return new GraphState(values.ToImmutable(), versions.ToImmutable());
    }

    /// <summary>Applies writes in order; see <see cref="Apply(IEnumerable{StateWrite})"/>.</summary>
    /// <param name="writes">The writes.</param>
    /// <returns>The new state.</returns>
    public GraphState Apply(params StateWrite[] writes) => Apply((IEnumerable<StateWrite>)writes);

    /// <summary>Removes the values of the given channels so they read as their defaults again.</summary>
    /// <param name="keys">The channels to reset.</param>
    /// <returns>The new state.</returns>
    /// <remarks>
    /// A reset raises the channel's version like a write does: stores keep one value per (channel, version), so a
    /// version must never be reused for a different value.
    /// </remarks>
    public GraphState Reset(IEnumerable<StateKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var names = keys.Select(k => k.Name).Where(_values.ContainsKey).ToList();
        if (names.Count == 0)
        {
            return this;
        }

        var versions = _versions.ToBuilder();
        foreach (var name in names)
        {
            versions[name] = versions.GetValueOrDefault(name) + 1;
        }

        return new GraphState(_values.RemoveRange(names), versions.ToImmutable());
    }

    internal object? GetRaw(string name) => _values.GetValueOrDefault(name);

    internal bool HasValue(string name) => _values.ContainsKey(name);

    internal static GraphState FromRaw(IEnumerable<KeyValuePair<string, object?>> values, IReadOnlyDictionary<string, long> versions) =>
        new(
            ImmutableDictionary.CreateRange(StringComparer.Ordinal, values),
            ImmutableDictionary.CreateRange(StringComparer.Ordinal, versions));
}
