using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;

namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Keeps checkpoints in process memory, for tests, demos and single-process development. Everything is lost when the
/// process ends; use <c>Mirt.Graph.Sqlite.SqliteCheckpointSaver</c> when conversations must survive a restart.
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
    /// <exception cref="ArgumentException">The config has no thread id.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
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
    /// <remarks>The config's checkpoint id is ignored. The listing is a snapshot taken on the first
    /// <c>MoveNextAsync</c>.</remarks>
    /// <exception cref="ArgumentException">The config has no thread id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative.</exception>
    public IAsyncEnumerable<CheckpointTuple> ListAsync(CheckpointConfig config, int? limit = null, CancellationToken cancellationToken = default)
    {
        var address = CheckpointArguments.Address(config);
        if (limit is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(limit));
        }

        return ListCoreAsync(address, limit, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="checkpoint"/> or <paramref name="metadata"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The thread id or checkpoint id is empty, or a channel has a value but no version.</exception>
    /// <exception cref="InvalidOperationException">The checkpoint id exists already in the thread and namespace, or a
    /// channel version is stored already with a different value.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was stored.</exception>
    public Task<CheckpointConfig> PutAsync(CheckpointConfig config, Checkpoint checkpoint, CheckpointMetadata metadata, CancellationToken cancellationToken = default)
    {
        var (threadId, ns) = CheckpointArguments.Put(config, checkpoint, metadata);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = new CheckpointTuple(
            new CheckpointConfig(threadId, ns, checkpoint.Id),
            checkpoint with
            {
                ChannelValues = new Dictionary<string, string>(checkpoint.ChannelValues, StringComparer.Ordinal),
                ChannelVersions = new ReadOnlyDictionary<string, long>(new Dictionary<string, long>(checkpoint.ChannelVersions, StringComparer.Ordinal)),
                Next = checkpoint.Next.ToArray().AsReadOnly(),
            },
            metadata with { Extra = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(metadata.Extra, StringComparer.Ordinal)) },
            config.CheckpointId is null ? null : new CheckpointConfig(threadId, ns, config.CheckpointId));
        lock (_gate)
        {
            if (!_stores.TryGetValue((threadId, ns), out var store))
            {
                store = new InMemoryCheckpointStore();
                _stores.Add((threadId, ns), store);
            }

            store.Add(stored);
        }

        return Task.FromResult(stored.Config);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was deleted.</exception>
    public Task DeleteThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var key in _stores.Keys.Where(k => string.Equals(k.ThreadId, threadId, StringComparison.Ordinal)).ToList())
            {
                _stores.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    private async IAsyncEnumerable<CheckpointTuple> ListCoreAsync(
        (string ThreadId, string Namespace) address,
        int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        List<CheckpointTuple> snapshot;
        lock (_gate)
        {
            snapshot = _stores.GetValueOrDefault(address)?.List(limit) ?? [];
        }

        foreach (var tuple in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return tuple;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
