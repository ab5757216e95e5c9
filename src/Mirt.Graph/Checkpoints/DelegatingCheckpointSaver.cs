namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Wraps another store and passes every call through; override the calls you want to observe or change (timing and
/// metrics, fault injection, caching) without re-implementing the rest of the contract.
/// </summary>
/// <remarks>Thread-safe when the inner store is; the wrapper adds no state of its own. Disposing it does not dispose
/// the inner store.</remarks>
public abstract class DelegatingCheckpointSaver : ICheckpointSaver
{
    /// <summary>Creates a wrapper around <paramref name="inner"/>.</summary>
    /// <param name="inner">The store every call goes to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is <see langword="null"/>.</exception>
    protected DelegatingCheckpointSaver(ICheckpointSaver inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
    }

    /// <summary>Gets the wrapped store.</summary>
    public ICheckpointSaver Inner { get; }

    /// <inheritdoc />
    public virtual Task<CheckpointTuple?> GetTupleAsync(CheckpointConfig config, CancellationToken cancellationToken = default) =>
        Inner.GetTupleAsync(config, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<CheckpointTuple> ListAsync(CheckpointQuery query, CancellationToken cancellationToken = default) =>
        Inner.ListAsync(query, cancellationToken);

    /// <inheritdoc />
    public virtual Task<CheckpointConfig> PutAsync(
        CheckpointConfig config,
        Checkpoint checkpoint,
        CheckpointMetadata metadata,
        IReadOnlyDictionary<string, long>? newVersions = null,
        ExpectedHead expectedHead = default,
        CancellationToken cancellationToken = default) =>
        Inner.PutAsync(config, checkpoint, metadata, newVersions, expectedHead, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<CheckpointConfig>> PutManyAsync(IReadOnlyList<CheckpointPut> puts, CancellationToken cancellationToken = default) =>
        Inner.PutManyAsync(puts, cancellationToken);

    /// <inheritdoc />
    public virtual Task PutWritesAsync(
        CheckpointConfig config,
        IReadOnlyList<ChannelWrite> writes,
        string taskId,
        string taskPath = "",
        CancellationToken cancellationToken = default) =>
        Inner.PutWritesAsync(config, writes, taskId, taskPath, cancellationToken);

    /// <inheritdoc />
    public virtual Task DeleteThreadAsync(string threadId, CancellationToken cancellationToken = default) =>
        Inner.DeleteThreadAsync(threadId, cancellationToken);

    /// <inheritdoc />
    public virtual Task CopyThreadAsync(string sourceThreadId, string targetThreadId, CancellationToken cancellationToken = default) =>
        Inner.CopyThreadAsync(sourceThreadId, targetThreadId, cancellationToken);

    /// <inheritdoc />
    public virtual Task PruneAsync(IReadOnlyCollection<string> threadIds, PruneStrategy strategy, CancellationToken cancellationToken = default) =>
        Inner.PruneAsync(threadIds, strategy, cancellationToken);

    /// <inheritdoc />
    public virtual Task DeleteForRunsAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken = default) =>
        Inner.DeleteForRunsAsync(runIds, cancellationToken);

    /// <inheritdoc />
    public virtual Task<long> PruneOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        Inner.PruneOlderThanAsync(cutoff, cancellationToken);
}
