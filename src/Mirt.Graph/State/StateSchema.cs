using System.Text.Json;
using Mirt.Graph.Checkpoints;

namespace Mirt.Graph.State;

/// <summary>
/// Lists the channels a graph stores and turns a <see cref="GraphState"/> into checkpoint channel values and back.
/// </summary>
/// <remarks>Immutable and thread-safe once created.</remarks>
public sealed class StateSchema
{
    private readonly Dictionary<string, StateKey> _keys;
    private readonly JsonSerializerOptions _json;

    /// <summary>Creates a schema of the given keys.</summary>
    /// <param name="keys">The channels; names must be unique.</param>
    /// <param name="json">Serialiser options for channel values; <see langword="null"/> uses web defaults.</param>
    /// <exception cref="ArgumentException">Two keys share a name.</exception>
    public StateSchema(IEnumerable<StateKey> keys, JsonSerializerOptions? json = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = new Dictionary<string, StateKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!_keys.TryAdd(key.Name, key))
            {
                throw new ArgumentException($"Two state keys are named '{key.Name}'; give each channel a unique name.", nameof(keys));
            }
        }

        _json = new JsonSerializerOptions(json ?? JsonSerializerOptions.Web);
        _json.MakeReadOnly(populateMissingResolver: true);
    }

    /// <summary>Gets the keys of the schema.</summary>
    public IReadOnlyCollection<StateKey> Keys => _keys.Values;

    /// <summary>Gets the keys whose values are reset when a turn starts.</summary>
    public IEnumerable<StateKey> TurnScopedKeys => _keys.Values.Where(k => k.Lifetime == StateKeyLifetime.Turn);

    /// <summary>Tells whether the schema holds a key of this name.</summary>
    /// <param name="name">The channel name.</param>
    /// <returns><see langword="true"/> when the key is part of the schema.</returns>
    public bool Contains(string name) => _keys.ContainsKey(name);

    /// <summary>Serialises every written channel to UTF-8 JSON text.</summary>
    /// <param name="state">The state.</param>
    /// <returns>Channel name → JSON text.</returns>
    /// <exception cref="InvalidOperationException">A channel is not part of the schema.</exception>
    public Dictionary<string, string> Serialize(GraphState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in state.Channels)
        {
            var key = Find(name);
            result[name] = JsonSerializer.Serialize(state.GetRaw(name), key.ValueType, _json);
        }

        return result;
    }

    /// <summary>Rebuilds a state from a checkpoint; channels the schema no longer knows are dropped.</summary>
    /// <param name="checkpoint">The checkpoint.</param>
    /// <returns>The state.</returns>
    /// <exception cref="JsonException">A stored value no longer fits its key's type.</exception>
    public GraphState Deserialize(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var values = new List<KeyValuePair<string, object?>>();
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, version) in checkpoint.ChannelVersions)
        {
            if (_keys.ContainsKey(name))
            {
                versions[name] = version;
            }
        }

        foreach (var (name, json) in checkpoint.ChannelValues)
        {
            if (_keys.TryGetValue(name, out var key))
            {
                values.Add(new(name, JsonSerializer.Deserialize(json, key.ValueType, _json)));
                versions.TryAdd(name, 1);
            }
        }

        return GraphState.FromRaw(values, versions);
    }

    private StateKey Find(string name) =>
        _keys.TryGetValue(name, out var key)
            ? key
            : throw new InvalidOperationException($"The state channel '{name}' is not in the graph's schema; add its key with GraphBuilder.AddState.");
}
