namespace Mirt.Graph.Checkpoints;

/// <summary>Validates the arguments of <see cref="ICheckpointSaver"/> calls, so every saver — built-in or your own — rejects the same inputs with the same messages.</summary>
public static class CheckpointArguments
{
    /// <summary>Checks a config and returns its thread id and namespace, the namespace defaulting to the root.</summary>
    /// <param name="config">The config to check.</param>
    /// <returns>The thread id and the namespace (never <see langword="null"/>).</returns>
    /// <exception cref="ArgumentException">The thread id is empty.</exception>
    public static (string ThreadId, string Namespace) Address(CheckpointConfig config)
    {
        if (string.IsNullOrWhiteSpace(config.ThreadId))
        {
            throw new ArgumentException("The checkpoint config has no thread id; set CheckpointConfig.ThreadId to the conversation's thread.", nameof(config));
        }

        return (config.ThreadId, config.Namespace ?? string.Empty);
    }

    /// <summary>Checks that a list of puts is a chain of one thread and namespace (see <see cref="ICheckpointSaver.PutManyAsync"/>)
    /// and checks each put as <see cref="Put"/> does.</summary>
    /// <param name="puts">The chain, oldest first.</param>
    /// <returns>The thread id, the namespace (both empty for an empty chain) and, per put, the channels it writes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="puts"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The chain mixes threads or namespaces, a put's parent is not the checkpoint
    /// before it or its id does not sort after that parent's, or a put is invalid.</exception>
    public static (string ThreadId, string Namespace, IReadOnlyList<IReadOnlyDictionary<string, long>> ToWrite) PutMany(IReadOnlyList<CheckpointPut> puts)
    {
        ArgumentNullException.ThrowIfNull(puts);
        var toWrite = new IReadOnlyDictionary<string, long>[puts.Count];
        string threadId = string.Empty, ns = string.Empty;
        for (var i = 0; i < puts.Count; i++)
        {
            var put = puts[i] ?? throw new ArgumentNullException(nameof(puts), $"Put {i} of the chain is null; pass only puts to write.");
            var (thread, space, channels) = Put(put.Config, put.Checkpoint, put.Metadata, put.NewVersions, put.ExpectedHead);
            if (i > 0)
            {
                if (!string.Equals(thread, threadId, StringComparison.Ordinal) || !string.Equals(space, ns, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Put {i} of the chain addresses thread '{thread}' namespace '{space}', but the chain is for thread '{threadId}' namespace '{ns}'; write one thread and namespace per call.", nameof(puts));
                }

                if (!string.Equals(put.Config.CheckpointId, puts[i - 1].Checkpoint.Id, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Put {i} of the chain has parent '{put.Config.CheckpointId}', not '{puts[i - 1].Checkpoint.Id}', the checkpoint of the put before it; a chain links each checkpoint to the previous one.", nameof(puts));
                }

                if (string.CompareOrdinal(put.Checkpoint.Id, puts[i - 1].Checkpoint.Id) <= 0)
                {
                    throw new ArgumentException($"Checkpoint '{put.Checkpoint.Id}' of the chain does not sort after its parent '{puts[i - 1].Checkpoint.Id}'; the thread's head is the id that sorts last, so generate ids with IIdGenerator.NewIdAfter.", nameof(puts));
                }
            }

            (threadId, ns, toWrite[i]) = (thread, space, channels);
        }

        return (threadId, ns, toWrite);
    }

    /// <summary>Checks the arguments of a put.</summary>
    /// <param name="config">Addresses the thread, namespace and parent.</param>
    /// <param name="checkpoint">The checkpoint to store.</param>
    /// <param name="metadata">Its metadata.</param>
    /// <param name="newVersions">The channels the put writes, or <see langword="null"/> for all.</param>
    /// <param name="expectedHead">The fence.</param>
    /// <returns>The thread id, the namespace, and the channels to write with their versions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="checkpoint"/>, <paramref name="metadata"/> or one of their collections is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The thread id or checkpoint id is empty, a channel has a value but no version,
    /// a new version disagrees with the checkpoint's version map, an extra metadata key is reserved, or a fenced
    /// checkpoint id does not sort after the expected head.</exception>
    public static (string ThreadId, string Namespace, IReadOnlyDictionary<string, long> ToWrite) Put(
        CheckpointConfig config,
        Checkpoint checkpoint,
        CheckpointMetadata metadata,
        IReadOnlyDictionary<string, long>? newVersions = null,
        ExpectedHead expectedHead = default)
    {
        var (threadId, ns) = Address(config);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpoint.Id, nameof(checkpoint));
        ArgumentNullException.ThrowIfNull(checkpoint.ChannelValues, nameof(checkpoint));
        ArgumentNullException.ThrowIfNull(checkpoint.ChannelVersions, nameof(checkpoint));
        ArgumentNullException.ThrowIfNull(checkpoint.Next, nameof(checkpoint));
        ArgumentNullException.ThrowIfNull(metadata.Source, nameof(metadata));
        ArgumentNullException.ThrowIfNull(metadata.Extra, nameof(metadata));
        foreach (var channel in checkpoint.ChannelValues.Keys)
        {
            if (!checkpoint.ChannelVersions.ContainsKey(channel))
            {
                throw new ArgumentException(
                    $"Checkpoint '{checkpoint.Id}' has a value for channel '{channel}' but no version; add the channel to ChannelVersions, because values are stored per channel version.",
                    nameof(checkpoint));
            }
        }

        foreach (var key in metadata.Extra.Keys)
        {
            if (CheckpointMetadata.IsReserved(key))
            {
                throw new ArgumentException($"The metadata extra key '{key}' is reserved for a built-in field; rename it.", nameof(metadata));
            }
        }

        foreach (var (channel, version) in newVersions ?? checkpoint.ChannelVersions)
        {
            if (!checkpoint.ChannelVersions.TryGetValue(channel, out var own) || own != version)
            {
                throw new ArgumentException(
                    $"New version {version} of channel '{channel}' does not match checkpoint '{checkpoint.Id}''s version map; pass the versions the checkpoint itself records.",
                    nameof(newVersions));
            }
        }

        if (expectedHead.Kind == ExpectedHeadKind.Checkpoint && string.CompareOrdinal(checkpoint.Id, expectedHead.CheckpointId) <= 0)
        {
            throw new ArgumentException(
                $"Checkpoint '{checkpoint.Id}' does not sort after the expected head '{expectedHead.CheckpointId}', so it would not become the thread's latest; create its id with IIdGenerator.NewIdAfter.",
                nameof(checkpoint));
        }

        return (threadId, ns, newVersions ?? checkpoint.ChannelVersions);
    }

    /// <summary>Checks the arguments of a pending-writes put.</summary>
    /// <param name="config">Addresses the checkpoint; its id is required.</param>
    /// <param name="writes">The writes.</param>
    /// <param name="taskId">The task.</param>
    /// <param name="taskPath">The task path.</param>
    /// <returns>The thread id, namespace and checkpoint id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="writes"/> or <paramref name="taskPath"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The thread id, checkpoint id, task id or a channel is empty.</exception>
    public static (string ThreadId, string Namespace, string CheckpointId) PutWrites(
        CheckpointConfig config,
        IReadOnlyList<ChannelWrite> writes,
        string taskId,
        string taskPath)
    {
        var (threadId, ns) = Address(config);
        if (string.IsNullOrWhiteSpace(config.CheckpointId))
        {
            throw new ArgumentException("Pending writes belong to a checkpoint; set CheckpointConfig.CheckpointId.", nameof(config));
        }

        ArgumentNullException.ThrowIfNull(writes);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        ArgumentNullException.ThrowIfNull(taskPath);
        foreach (var write in writes)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(write.Channel, nameof(writes));
            ArgumentNullException.ThrowIfNull(write.ValueJson, nameof(writes));
        }

        return (threadId, ns, config.CheckpointId);
    }

    /// <summary>Checks the arguments of a copy.</summary>
    /// <param name="sourceThreadId">The source thread.</param>
    /// <param name="targetThreadId">The target thread.</param>
    /// <exception cref="ArgumentException">A thread id is empty, or both are equal.</exception>
    public static void Copy(string sourceThreadId, string targetThreadId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceThreadId);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetThreadId);
        if (string.Equals(sourceThreadId, targetThreadId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Cannot copy thread '{sourceThreadId}' onto itself; name a different target thread.", nameof(targetThreadId));
        }
    }

    /// <summary>Checks a list of ids (thread ids or run ids) and the prune strategy.</summary>
    /// <param name="ids">The ids.</param>
    /// <param name="parameterName">The parameter name for errors.</param>
    /// <returns>The distinct ids.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    public static IReadOnlyList<string> Ids(IReadOnlyCollection<string> ids, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(ids, parameterName);
        foreach (var id in ids)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(id, parameterName);
        }

        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Checks a prune strategy.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <exception cref="ArgumentException">The strategy is not defined.</exception>
    public static void Strategy(PruneStrategy strategy)
    {
        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentException($"Prune strategy {(int)strategy} is not defined; use KeepLatest or Delete.", nameof(strategy));
        }
    }

    /// <summary>Checks a listing query.</summary>
    /// <param name="query">The query.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The limit is negative.</exception>
    public static void List(CheckpointQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(query));
        }
    }

    /// <summary>Builds the exception for a checkpoint id that is stored already.</summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="ns">The namespace.</param>
    /// <param name="checkpointId">The reused id.</param>
    /// <returns>The exception to throw.</returns>
    public static InvalidOperationException IdReused(string threadId, string ns, string checkpointId) =>
        new($"Checkpoint '{checkpointId}' already exists in thread '{threadId}', namespace '{ns}'; checkpoints are immutable, so give the new one a fresh id from the IIdGenerator.");

    /// <summary>Builds the exception for a copy onto a thread that holds checkpoints already.</summary>
    /// <param name="targetThreadId">The target thread.</param>
    /// <returns>The exception to throw.</returns>
    public static InvalidOperationException CopyTargetNotEmpty(string targetThreadId) =>
        new($"Thread '{targetThreadId}' holds checkpoints already; copy into a new thread id, or delete the target first.");
}
