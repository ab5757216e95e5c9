namespace Mirt.Graph.State;

/// <summary>
/// Carries one value a node writes to one state channel. Create it with <see cref="StateKey{T}.Set"/>.
/// </summary>
/// <param name="Key">The channel written.</param>
/// <param name="Value">The value, of the key's <see cref="StateKey.ValueType"/>.</param>
/// <param name="Overwrite">Replaces the current value even when the key has a reducer (see <see cref="StateKey{T}.Overwrite"/>).</param>
public sealed record StateWrite(StateKey Key, object? Value, bool Overwrite = false);
