using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
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
    /// <param name="json">Serialiser options for channel values; <see langword="null"/> uses web defaults with non-ASCII text kept as UTF-8 (not escaped).</param>
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

        // Stored values are data, not HTML: keep non-ASCII text (Ukrainian, emoji) as UTF-8 instead of \uXXXX
        // escapes, which would triple the bytes written for every Cyrillic letter.
        _json = new JsonSerializerOptions(json ?? new JsonSerializerOptions(JsonSerializerOptions.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
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

    /// <summary>Serialises every written channel to UTF-8 JSON text, in stored form (log channels as segments <c>name#i</c>).</summary>
    /// <param name="state">The state.</param>
    /// <returns>Stored channel name → JSON text.</returns>
    /// <exception cref="InvalidOperationException">A channel is not part of the schema.</exception>
    public Dictionary<string, string> Serialize(GraphState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in state.Channels)
        {
            foreach (var (stored, json) in SerializeChannel(state, name))
            {
                result[stored] = json;
            }
        }

        return result;
    }

    /// <summary>
    /// Encodes a state for storage: serialises only the channels written since <paramref name="previous"/> was
    /// encoded, names each stored value by its content version, and lists the values the store does not hold yet.
    /// </summary>
    /// <param name="state">The state to store.</param>
    /// <param name="previous">What the store holds for the parent checkpoint (from <see cref="Decode"/> or the last
    /// encode); <see cref="StoredChannels.None"/> for a new thread.</param>
    /// <returns>The values, the full version map and the new versions to put.</returns>
    /// <exception cref="InvalidOperationException">A channel is not part of the schema.</exception>
    /// <remarks>Channels without a value (never written, or reset) are left out of the version map, so they load absent.
    /// A log that grew rewrites only its last segment: full segments keep their content version.</remarks>
    public EncodedState Encode(GraphState state, StoredChannels previous)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(previous);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        var fresh = new Dictionary<string, long>(StringComparer.Ordinal);
        // Channels not written since the last encode keep their stored versions without being serialised again.
        foreach (var (stored, version) in previous.StoredVersions)
        {
            var name = SplitStoredName(stored).Name;
            if (state.HasValue(name) && IsUnchanged(previous, name, state.Versions[name]))
            {
                versions[stored] = version;
            }
        }

        foreach (var name in state.Channels)
        {
            if (IsUnchanged(previous, name, state.Versions[name]))
            {
                continue;
            }

            var fromSegment = ReuseUnchangedSegments(name, state, previous, versions);
            foreach (var (stored, json) in SerializeChannel(state, name, fromSegment))
            {
                var version = ContentVersion.Of(json);
                versions[stored] = version;
                if (!previous.StoredVersions.TryGetValue(stored, out var old) || old != version)
                {
                    values[stored] = json;
                    fresh[stored] = version;
                }
            }
        }

        var stateVersions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in state.Channels)
        {
            stateVersions[name] = state.Versions[name];
        }

        return new EncodedState(values, versions, fresh, new StoredChannels(versions, stateVersions) { Logs = LogsOf(state) });
    }

    /// <summary>Rebuilds a state from a checkpoint; channels the schema no longer knows are dropped.</summary>
    /// <param name="checkpoint">The checkpoint.</param>
    /// <returns>The state.</returns>
    /// <exception cref="JsonException">A stored value no longer fits its key's type.</exception>
    public GraphState Deserialize(Checkpoint checkpoint) => Decode(checkpoint).State;

    /// <summary>Rebuilds a state from a checkpoint and records what the store holds for it, for the next <see cref="Encode"/>.</summary>
    /// <param name="checkpoint">The checkpoint.</param>
    /// <returns>The state (channels the schema no longer knows are dropped) and the stored-channel record.</returns>
    /// <exception cref="JsonException">A stored value no longer fits its key's type.</exception>
    public (GraphState State, StoredChannels Stored) Decode(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var values = new List<KeyValuePair<string, object?>>();
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        var segments = new Dictionary<string, SortedDictionary<int, string>>(StringComparer.Ordinal);
        foreach (var (stored, json) in checkpoint.ChannelValues)
        {
            var (name, segment) = SplitStoredName(stored);
            if (!_keys.TryGetValue(name, out var key))
            {
                continue;
            }

            if (key.Log is not null && segment is { } index)
            {
                if (!segments.TryGetValue(name, out var parts))
                {
                    parts = [];
                    segments.Add(name, parts);
                }

                parts[index] = json;
            }
            else if (key.Log is null && segment is null)
            {
                values.Add(new(name, JsonSerializer.Deserialize(json, key.ValueType, _json)));
            }
        }

        foreach (var (name, parts) in segments)
        {
            values.Add(new(name, _keys[name].Log!.Decode(parts.Values, _json)));
        }

        foreach (var (name, _) in values)
        {
            versions[name] = 1;
        }

        var stateVersions = new Dictionary<string, long>(versions, StringComparer.Ordinal);
        var storedVersions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (stored, version) in checkpoint.ChannelVersions)
        {
            if (checkpoint.ChannelValues.ContainsKey(stored) && versions.ContainsKey(SplitStoredName(stored).Name))
            {
                storedVersions[stored] = version;
            }
        }

        var decoded = GraphState.FromRaw(values, versions);
        return (decoded, new StoredChannels(storedVersions, stateVersions) { Logs = LogsOf(decoded) });
    }

    private IEnumerable<KeyValuePair<string, string>> SerializeChannel(GraphState state, string name, int fromSegment = 0)
    {
        var key = Find(name);
        if (key.Log is null)
        {
            return [new(name, JsonSerializer.Serialize(state.GetRaw(name), key.ValueType, _json))];
        }

        return key.Log.Encode(state.GetRaw(name), _json, fromSegment)
            .Select((json, index) => new KeyValuePair<string, string>(SegmentName(name, fromSegment + index), json));
    }

    /// <summary>Copies the versions of a log's leading segments that did not change since <paramref name="previous"/>,
    /// and returns the first segment that must be serialised (0 for other channels, or when nothing can be reused).</summary>
    private int ReuseUnchangedSegments(string name, GraphState state, StoredChannels previous, Dictionary<string, long> versions)
    {
        var log = Find(name).Log;
        if (log is null || !previous.Logs.TryGetValue(name, out var before))
        {
            return 0;
        }

        var unchanged = log.UnchangedSegments(before, state.GetRaw(name));
        for (var segment = 0; segment < unchanged; segment++)
        {
            var stored = SegmentName(name, segment);
            if (!previous.StoredVersions.TryGetValue(stored, out var version))
            {
                return segment;
            }

            versions[stored] = version;
        }

        return unchanged;
    }

    private Dictionary<string, object?> LogsOf(GraphState state)
    {
        var logs = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in state.Channels)
        {
            if (_keys.TryGetValue(name, out var key) && key.Log is not null)
            {
                logs[name] = state.GetRaw(name);
            }
        }

        return logs;
    }

    private static string SegmentName(string name, int segment) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}{LogKey.SegmentSeparator}{segment}");

    private static bool IsUnchanged(StoredChannels previous, string name, long stateVersion) =>
        previous.StateVersions.TryGetValue(name, out var before) && before == stateVersion;

    private static (string Name, int? Segment) SplitStoredName(string stored)
    {
        var at = stored.LastIndexOf(LogKey.SegmentSeparator);
        return at > 0 && int.TryParse(stored.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var segment)
            ? (stored[..at], segment)
            : (stored, null);
    }

    private StateKey Find(string name) =>
        _keys.TryGetValue(name, out var key)
            ? key
            : throw new InvalidOperationException($"The state channel '{name}' is not in the graph's schema; add its key with GraphBuilder.AddState.");
}
