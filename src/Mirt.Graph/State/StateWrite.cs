namespace Mirt.Graph.State;

/// <summary>
/// Carries one value a node writes to one state channel. Create it with <see cref="StateKey{T}.Set"/>.
/// </summary>
/// <param name="Key">The channel written.</param>
/// <param name="Value">The value, of the key's <see cref="StateKey.ValueType"/>.</param>
public sealed record StateWrite(StateKey Key, object? Value);
