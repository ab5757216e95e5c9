namespace Mirt.Graph.Checkpoints;

/// <summary>Holds the checkpoints, channel values and pending writes of one thread and namespace for
/// <see cref="InMemoryCheckpointSaver"/>.</summary>
/// <remarks>Not thread-safe; the saver guards it with its lock.</remarks>
internal sealed class InMemoryCheckpointStore
{
    // A sorted list, not a sorted dictionary: ids arrive mostly in ascending order, so adding appends, and the latest
    // checkpoint (read on every turn) is the last element instead of a walk through the whole tree.
    private readonly SortedList<string, CheckpointTuple> _checkpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Channel, long Version), string?> _blobs = [];
    private readonly Dictionary<string, SortedDictionary<(string TaskPath, string TaskId, int Index), PendingWrite>> _writes = new(StringComparer.Ordinal);

    /// <summary>Gets the number of stored channel values (one per channel version).</summary>
    public int BlobCount => _blobs.Count;

    /// <summary>Gets whether the store holds no checkpoint.</summary>
    public bool IsEmpty => _checkpoints.Count == 0;

    /// <summary>Gets the id of the latest checkpoint, or <see langword="null"/>.</summary>
    public string? Head => _checkpoints.Count == 0 ? null : _checkpoints.Keys[^1];

    /// <summary>Tells whether a checkpoint id is stored.</summary>
    /// <param name="checkpointId">The id.</param>
    /// <returns><see langword="true"/> when the store holds it.</returns>
    public bool Contains(string checkpointId) => _checkpoints.ContainsKey(checkpointId);

    /// <summary>Stores a checkpoint, adding only the channel versions named in <paramref name="toWrite"/> not stored yet.</summary>
    /// <param name="tuple">The checkpoint with its address; its channel values are stored separately and dropped from it.</param>
    /// <param name="toWrite">The channels to write.</param>
    /// <exception cref="InvalidOperationException">The id exists already.</exception>
    public void Add(CheckpointTuple tuple, IReadOnlyDictionary<string, long> toWrite)
    {
        var checkpoint = tuple.Checkpoint;
        if (_checkpoints.ContainsKey(checkpoint.Id))
        {
            throw CheckpointArguments.IdReused(tuple.Config.ThreadId, tuple.Config.Namespace, checkpoint.Id);
        }

        foreach (var (channel, version) in toWrite)
        {
            // First value wins, as in the durable stores' INSERT … ON CONFLICT DO NOTHING.
            _blobs.TryAdd((channel, version), checkpoint.ChannelValues.GetValueOrDefault(channel));
        }

        _checkpoints.Add(checkpoint.Id, tuple with { Checkpoint = checkpoint with { ChannelValues = new Dictionary<string, string>() } });
    }

    /// <summary>Stores pending writes of one task against a checkpoint.</summary>
    /// <param name="checkpointId">The checkpoint.</param>
    /// <param name="writes">The writes.</param>
    /// <param name="taskId">The task.</param>
    /// <param name="taskPath">The task path.</param>
    public void AddWrites(string checkpointId, IReadOnlyList<ChannelWrite> writes, string taskId, string taskPath)
    {
        if (!_writes.TryGetValue(checkpointId, out var stored))
        {
            stored = new(WriteOrder.Instance);
            _writes.Add(checkpointId, stored);
        }

        for (var position = 0; position < writes.Count; position++)
        {
            var write = writes[position];
            var key = (taskPath, taskId, WriteChannels.IndexOf(write.Channel, position));
            var pending = new PendingWrite(taskId, write.Channel, write.ValueJson);
            if (WriteChannels.IsSpecial(write.Channel))
            {
                stored[key] = pending;
            }
            else
            {
                stored.TryAdd(key, pending);
            }
        }
    }

    /// <summary>Loads one checkpoint with its channel values and pending writes.</summary>
    /// <param name="checkpointId">The id, or <see langword="null"/> for the newest.</param>
    /// <returns>The tuple, or <see langword="null"/> when none matches.</returns>
    public CheckpointTuple? Get(string? checkpointId)
    {
        if (checkpointId is null)
        {
            return _checkpoints.Count == 0 ? null : Load(_checkpoints.Values[^1]);
        }

        return _checkpoints.TryGetValue(checkpointId, out var tuple) ? Load(tuple) : null;
    }

    /// <summary>Gets the stored checkpoints without values, oldest first.</summary>
    public IEnumerable<CheckpointTuple> Stored => _checkpoints.Values;

    /// <summary>Loads a stored checkpoint with its values and pending writes.</summary>
    /// <param name="stored">A tuple from <see cref="Stored"/>.</param>
    /// <returns>The full tuple.</returns>
    public CheckpointTuple Load(CheckpointTuple stored)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (channel, version) in stored.Checkpoint.ChannelVersions)
        {
            if (_blobs.GetValueOrDefault((channel, version)) is { } value)
            {
                values.Add(channel, value);
            }
        }

        var writes = _writes.TryGetValue(stored.Checkpoint.Id, out var pending) ? pending.Values.ToList() : [];
        return stored with { Checkpoint = stored.Checkpoint with { ChannelValues = values }, PendingWrites = writes };
    }

    /// <summary>Orders pending writes by task path, task id (both ordinal, as the SQL stores do) and index.</summary>
    private sealed class WriteOrder : IComparer<(string TaskPath, string TaskId, int Index)>
    {
        public static readonly WriteOrder Instance = new();

        public int Compare((string TaskPath, string TaskId, int Index) x, (string TaskPath, string TaskId, int Index) y)
        {
            var byPath = string.CompareOrdinal(x.TaskPath, y.TaskPath);
            if (byPath != 0)
            {
                return byPath;
            }

            var byTask = string.CompareOrdinal(x.TaskId, y.TaskId);
            return byTask != 0 ? byTask : x.Index.CompareTo(y.Index);
        }
    }

    /// <summary>Copies everything into another store, rewriting the thread id.</summary>
    /// <param name="target">The empty target.</param>
    /// <param name="targetThreadId">The target thread.</param>
    public void CopyTo(InMemoryCheckpointStore target, string targetThreadId)
    {
        foreach (var (id, tuple) in _checkpoints)
        {
            target._checkpoints.Add(id, tuple with
            {
                Config = tuple.Config with { ThreadId = targetThreadId },
                ParentConfig = tuple.ParentConfig is { } parent ? parent with { ThreadId = targetThreadId } : null,
            });
        }

        foreach (var (key, value) in _blobs)
        {
            target._blobs.Add(key, value);
        }

        foreach (var (id, writes) in _writes)
        {
            target._writes.Add(id, new(writes, WriteOrder.Instance));
        }
    }

    /// <summary>Deletes the checkpoints that match, with their pending writes and the values nothing references any more.</summary>
    /// <param name="doomed">Selects the checkpoints to delete.</param>
    /// <returns>How many checkpoints were deleted.</returns>
    public int RemoveWhere(Func<CheckpointTuple, bool> doomed)
    {
        var ids = _checkpoints.Values.Where(doomed).Select(t => t.Checkpoint.Id).ToList();
        foreach (var id in ids)
        {
            _checkpoints.Remove(id);
            _writes.Remove(id);
        }

        if (ids.Count > 0)
        {
            var referenced = _checkpoints.Values.SelectMany(t => t.Checkpoint.ChannelVersions.Select(v => (v.Key, v.Value))).ToHashSet();
            foreach (var key in _blobs.Keys.Where(k => !referenced.Contains(k)).ToList())
            {
                _blobs.Remove(key);
            }
        }

        return ids.Count;
    }
}
