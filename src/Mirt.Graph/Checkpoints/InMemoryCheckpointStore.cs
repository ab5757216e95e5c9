namespace Mirt.Graph.Checkpoints;

/// <summary>Holds the checkpoints and channel values of one thread and namespace for <see cref="InMemoryCheckpointSaver"/>.</summary>
/// <remarks>Not thread-safe; the saver guards it with its lock.</remarks>
internal sealed class InMemoryCheckpointStore
{
    private readonly SortedDictionary<string, CheckpointTuple> _checkpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Channel, long Version), string?> _blobs = [];

    /// <summary>Gets the number of stored channel values (one per channel version).</summary>
    public int BlobCount => _blobs.Count;

    /// <summary>Stores a checkpoint, adding only channel versions not stored yet.</summary>
    /// <param name="tuple">The checkpoint with its address; its channel values are stored separately and dropped from it.</param>
    /// <exception cref="InvalidOperationException">The id exists already, or a channel version exists with a different value.</exception>
    public void Add(CheckpointTuple tuple)
    {
        var checkpoint = tuple.Checkpoint;
        if (_checkpoints.ContainsKey(checkpoint.Id))
        {
            throw CheckpointArguments.IdReused(tuple.Config.ThreadId, tuple.Config.Namespace, checkpoint.Id);
        }

        var added = new List<KeyValuePair<(string, long), string?>>();
        foreach (var (channel, version) in checkpoint.ChannelVersions)
        {
            var value = checkpoint.ChannelValues.GetValueOrDefault(channel);
            if (_blobs.TryGetValue((channel, version), out var stored))
            {
                if (!string.Equals(stored, value, StringComparison.Ordinal))
                {
                    throw CheckpointArguments.VersionReused(tuple.Config.ThreadId, channel, version);
                }
            }
            else
            {
                added.Add(new((channel, version), value));
            }
        }

        foreach (var (key, value) in added)
        {
            _blobs.Add(key, value);
        }

        _checkpoints.Add(checkpoint.Id, tuple with { Checkpoint = checkpoint with { ChannelValues = new Dictionary<string, string>() } });
    }

    /// <summary>Loads one checkpoint with its channel values.</summary>
    /// <param name="checkpointId">The id, or <see langword="null"/> for the newest.</param>
    /// <returns>The tuple, or <see langword="null"/> when none matches.</returns>
    public CheckpointTuple? Get(string? checkpointId)
    {
        if (checkpointId is null)
        {
            return _checkpoints.Count == 0 ? null : Load(_checkpoints.Last().Value);
        }

        return _checkpoints.TryGetValue(checkpointId, out var tuple) ? Load(tuple) : null;
    }

    /// <summary>Loads checkpoints newest first.</summary>
    /// <param name="limit">The most to load, or <see langword="null"/> for all.</param>
    /// <returns>The tuples, newest first.</returns>
    public List<CheckpointTuple> List(int? limit) =>
        _checkpoints.Values.Reverse().Take(limit ?? int.MaxValue).Select(Load).ToList();

    private CheckpointTuple Load(CheckpointTuple stored)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (channel, version) in stored.Checkpoint.ChannelVersions)
        {
            if (_blobs.GetValueOrDefault((channel, version)) is { } value)
            {
                values.Add(channel, value);
            }
        }

        return stored with { Checkpoint = stored.Checkpoint with { ChannelValues = values } };
    }
}
