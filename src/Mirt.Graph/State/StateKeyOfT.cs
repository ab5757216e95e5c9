namespace Mirt.Graph.State;

/// <summary>
/// Names one typed channel of the conversation state, with its default and an optional reducer.
/// </summary>
/// <typeparam name="T">The value type; it must round-trip through System.Text.Json.</typeparam>
/// <remarks>Immutable and thread-safe; declare keys as <c>static readonly</c> fields.</remarks>
public sealed class StateKey<T> : StateKey
{
    private readonly Func<T, T, T>? _reducer;

    /// <summary>Creates a key whose writes replace the current value.</summary>
    /// <param name="name">The channel name; stored, so keep it stable.</param>
    /// <param name="defaultValue">The value read when the channel was never written.</param>
    /// <param name="lifetime">How long a written value lives.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public StateKey(string name, T defaultValue, StateKeyLifetime lifetime = StateKeyLifetime.Conversation)
        : this(name, defaultValue, reducer: null, lifetime)
    {
    }

    /// <summary>Creates a key whose writes are merged into the current value by <paramref name="reducer"/>.</summary>
    /// <param name="name">The channel name; stored, so keep it stable.</param>
    /// <param name="defaultValue">The value read when the channel was never written.</param>
    /// <param name="reducer">Merges a write into the current value (current, update) → new; <see langword="null"/> replaces.</param>
    /// <param name="lifetime">How long a written value lives.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public StateKey(string name, T defaultValue, Func<T, T, T>? reducer, StateKeyLifetime lifetime = StateKeyLifetime.Conversation)
        : base(name, lifetime)
    {
        Default = defaultValue;
        _reducer = reducer;
    }

    /// <summary>Gets the value read when the channel was never written.</summary>
    public T Default { get; }

    /// <inheritdoc />
    public override Type ValueType => typeof(T);

    /// <summary>Creates a write that replaces the channel's value without going through the reducer.</summary>
    /// <param name="value">The new value.</param>
    /// <returns>The write.</returns>
    public StateWrite Overwrite(T value) => new(this, value, Overwrite: true);

    internal override object? DefaultObject => Default;

    /// <summary>Creates a write of <paramref name="value"/> to this channel, for a <see cref="Execution.NodeResult"/>.</summary>
    /// <param name="value">The value to write (merged by the reducer when the key has one).</param>
    /// <returns>The write.</returns>
    public StateWrite Set(T value) => new(this, value);

    internal override object? Reduce(object? current, object? update) =>
        _reducer is null ? update : _reducer((T)current!, (T)update!);
}
