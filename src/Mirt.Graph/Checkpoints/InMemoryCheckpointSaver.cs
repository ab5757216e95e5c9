using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;

namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Keeps checkpoints in process memory, for tests, demos and single-process development: the reference
/// implementation of the <see cref="ICheckpointSaver"/> contract. Everything is lost when the process ends; use
/// <c>Mirt.Graph.Sqlite.SqliteCheckpointSaver</c> or <c>Mirt.Graph.Postgres.PostgresCheckpointSaver</c> when
/// conversations must survive a restart.
/// </summary>
/// <remarks>
/// <para>
/// Behaves like the durable savers: channel values are stored once per channel version and shared by the
/// checkpoints that reference that version; a channel absent from a checkpoint's
/// <see cref="Checkpoint.ChannelVersions"/> is absent when it loads. Stored data is copied on the way in, so the
/// caller may reuse its dictionaries.
/// </para>
/// <para>Thread-safe: one lock guards all threads; every call holds it only for an in-memory copy.</para>
/// </remarks>
public sealed class InMemoryCheckpointSaver : ICheckpointSaver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string ThreadId, string Namespace), InMemoryCheckpointStore> _stores = [];

    /// <inheritdoc />
    public Task<CheckpointTuple?> GetTupleAsync(CheckpointConfig config, CancellationToken cancellationToken = default)
    {
        var address = CheckpointArguments.Address(config);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_stores.GetValueOrDefault(address)?.Get(config.CheckpointId));
        }
    }

    /// <inheritdoc />
    /// <remarks>The listing is a snapshot taken on the first <c>MoveNextAsync</c>.</remarks>
    public IAsyncEnumerable<CheckpointTuple> ListAsync(CheckpointQuery query, CancellationToken cancellationToken = default)
    {
        CheckpointArguments.List(query);
        return ListCoreAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public Task<CheckpointConfig> PutAsync(
        CheckpointConfig config,
        Checkpoint checkpoint,
        CheckpointMetadata metadata,
        IReadOnlyDictionary<string, long>? newVersions = null,
        ExpectedHead expectedHead = default,
        CancellationToken cancellationToken = default)
    {
        var (threadId, ns, toWrite) = CheckpointArguments.Put(config, checkpoint, metadata, newVersions, expectedHead);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = Copy(threadId, ns, config, checkpoint, metadata);
        var copiedToWrite = new Dictionary<string, long>(toWrite, StringComparer.Ordinal);
        lock (_gate)
        {
            StoreFor(threadId, ns, expectedHead).Add(stored, copiedToWrite);
        }

        return Task.FromResult(stored.Config);
    }

    /// <inheritdoc />
    /// <remarks>Atomic: every checkpoint of the chain is stored, or none.</remarks>
    public Task<IReadOnlyList<CheckpointConfig>> PutManyAsync(IReadOnlyList<CheckpointPut> puts, CancellationToken cancellationToken = default)
    {
        var (threadId, ns, toWrite) = CheckpointArguments.PutMany(puts);
        cancellationToken.ThrowIfCancellationRequested();
        if (puts.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<CheckpointConfig>>([]);
        }

        var stored = puts.Select(put => Copy(threadId, ns, put.Config, put.Checkpoint, put.Metadata)).ToArray();
        lock (_gate)
        {
            var store = StoreFor(threadId, ns, puts[0].ExpectedHead);
            if (stored.FirstOrDefault(tuple => store.Contains(tuple.Checkpoint.Id)) is { } reused)
            {
                throw CheckpointArguments.IdReused(threadId, ns, reused.Checkpoint.Id);
            }

            for (var i = 0; i < stored.Length; i++)
            {
                store.Add(stored[i], new Dictionary<string, long>(toWrite[i], StringComparer.Ordinal));
            }
        }

        return Task.FromResult<IReadOnlyList<CheckpointConfig>>(stored.Select(tuple => tuple.Config).ToArray());
    }

    /// <summary>Copies what a put stores, so the caller's later changes cannot reach the store.</summary>
    private static CheckpointTuple Copy(string threadId, string ns, CheckpointConfig config, Checkpoint checkpoint, CheckpointMetadata metadata) =>
        new(
            new CheckpointConfig(threadId, ns, checkpoint.Id),
            checkpoint with
            {
                ChannelValues = new Dictionary<string, string>(checkpoint.ChannelValues, StringComparer.Ordinal),
                ChannelVersions = new ReadOnlyDictionary<string, long>(new Dictionary<string, long>(checkpoint.ChannelVersions, StringComparer.Ordinal)),
                Next = checkpoint.Next.ToArray().AsReadOnly(),
            },
            metadata with { Extra = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(metadata.Extra, StringComparer.Ordinal)) },
            config.CheckpointId is null ? null : new CheckpointConfig(threadId, ns, config.CheckpointId),
            []);

    /// <summary>Checks the fence and returns the thread's store, creating it for a first put. Call under the lock.</summary>
    private InMemoryCheckpointStore StoreFor(string threadId, string ns, ExpectedHead expectedHead)
    {
        var store = _stores.GetValueOrDefault((threadId, ns));
        if (!expectedHead.IsMetBy(store?.Head))
        {
            throw new CheckpointConflictException(threadId, ns, expectedHead.CheckpointId, store?.Head);
        }

        if (store is null)
        {
            store = new InMemoryCheckpointStore();
            _stores.Add((threadId, ns), store);
        }

        return store;
    }

    /// <inheritdoc />
    public Task PutWritesAsync(
        CheckpointConfig config,
        IReadOnlyList<ChannelWrite> writes,
        string taskId,
        string taskPath = "",
        CancellationToken cancellationToken = default)
    {
        var (threadId, ns, checkpointId) = CheckpointArguments.PutWrites(config, writes, taskId, taskPath);
        cancellationToken.ThrowIfCancellationRequested();
        var copy = writes.ToArray();
        lock (_gate)
        {
            if (!_stores.TryGetValue((threadId, ns), out var store))
            {
                store = new InMemoryCheckpointStore();
                _stores.Add((threadId, ns), store);
            }

            store.AddWrites(checkpointId, copy, taskId, taskPath);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var key in KeysOf(threadId))
            {
                _stores.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CopyThreadAsync(string sourceThreadId, string targetThreadId, CancellationToken cancellationToken = default)
    {
        CheckpointArguments.Copy(sourceThreadId, targetThreadId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (KeysOf(targetThreadId).Any(key => !_stores[key].IsEmpty))
            {
                throw CheckpointArguments.CopyTargetNotEmpty(targetThreadId);
            }

            foreach (var key in KeysOf(sourceThreadId))
            {
                var target = new InMemoryCheckpointStore();
                _stores[key].CopyTo(target, targetThreadId);
                _stores[(targetThreadId, key.Namespace)] = target;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task PruneAsync(IReadOnlyCollection<string> threadIds, PruneStrategy strategy, CancellationToken cancellationToken = default)
    {
        var ids = CheckpointArguments.Ids(threadIds, nameof(threadIds));
        CheckpointArguments.Strategy(strategy);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var key in ids.SelectMany(KeysOf))
            {
                if (strategy == PruneStrategy.Delete)
                {
                    _stores.Remove(key);
                    continue;
                }

                var store = _stores[key];
                var head = store.Head;
                store.RemoveWhere(t => !string.Equals(t.Checkpoint.Id, head, StringComparison.Ordinal));
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteForRunsAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken = default)
    {
        var runs = CheckpointArguments.Ids(runIds, nameof(runIds)).ToHashSet(StringComparer.Ordinal);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var store in _stores.Values)
            {
                store.RemoveWhere(t => t.Metadata.Extra.TryGetValue(CheckpointMetadata.RunIdKey, out var run) && runs.Contains(run));
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<long> PruneOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        long deleted = 0;
        lock (_gate)
        {
            foreach (var store in _stores.Values)
            {
                var head = store.Head;
                deleted += store.RemoveWhere(t => t.Checkpoint.CreatedAt < cutoff && !string.Equals(t.Checkpoint.Id, head, StringComparison.Ordinal));
            }
        }

        return Task.FromResult(deleted);
    }

    private List<(string ThreadId, string Namespace)> KeysOf(string threadId) =>
        _stores.Keys.Where(k => string.Equals(k.ThreadId, threadId, StringComparison.Ordinal)).ToList();

    private async IAsyncEnumerable<CheckpointTuple> ListCoreAsync(CheckpointQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        List<CheckpointTuple> snapshot;
        lock (_gate)
        {
            snapshot = _stores
                .Where(s => (query.ThreadId is null || string.Equals(s.Key.ThreadId, query.ThreadId, StringComparison.Ordinal))
                    && (query.Namespace is null || string.Equals(s.Key.Namespace, query.Namespace, StringComparison.Ordinal)))
                .SelectMany(s => s.Value.Stored
                    .Where(t => (query.CheckpointId is null || string.Equals(t.Checkpoint.Id, query.CheckpointId, StringComparison.Ordinal))
                        && (query.Before is null || string.CompareOrdinal(t.Checkpoint.Id, query.Before) < 0)
                        && t.Metadata.Matches(query.Filter))
                    .Select(t => (Store: s.Value, Tuple: t)))
                .OrderByDescending(x => x.Tuple.Checkpoint.Id, StringComparer.Ordinal)
                .ThenBy(x => x.Tuple.Config.ThreadId, StringComparer.Ordinal)
                .ThenBy(x => x.Tuple.Config.Namespace, StringComparer.Ordinal)
                .Take(query.Limit ?? int.MaxValue)
                .Select(x => x.Store.Load(x.Tuple))
                .ToList();
        }

        foreach (var tuple in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return tuple;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
