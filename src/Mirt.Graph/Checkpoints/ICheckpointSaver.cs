namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Stores and loads checkpoints of conversation threads.
/// </summary>
/// <remarks>
/// Implementations are thread-safe. The graph runner serialises writes to one thread inside a process;
/// implementations need not do so themselves.
/// </remarks>
public interface ICheckpointSaver
{
    /// <summary>
    /// Loads one checkpoint: the one named by <see cref="CheckpointConfig.CheckpointId"/>, or the thread's latest in
    /// the namespace when the id is <see langword="null"/>.
    /// </summary>
    /// <param name="config">Addresses the thread, namespace and optional checkpoint id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The checkpoint tuple, or <see langword="null"/> when none matches.</returns>
    Task<CheckpointTuple?> GetTupleAsync(CheckpointConfig config, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists checkpoints of one thread and namespace, newest first.
    /// </summary>
    /// <param name="config">Addresses the thread and namespace to list.</param>
    /// <param name="limit">Caps how many tuples are returned; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The checkpoints, newest first.</returns>
    IAsyncEnumerable<CheckpointTuple> ListAsync(CheckpointConfig config, int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a checkpoint as the child of the checkpoint that <paramref name="config"/> names (none for the first).
    /// </summary>
    /// <param name="config">Addresses the thread and namespace; its checkpoint id, when set, is the parent.</param>
    /// <param name="checkpoint">Holds the state to store; its id must be new in the thread.</param>
    /// <param name="metadata">Describes the checkpoint.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write stores nothing.</param>
    /// <returns>The config that addresses the stored checkpoint.</returns>
    Task<CheckpointConfig> PutAsync(CheckpointConfig config, Checkpoint checkpoint, CheckpointMetadata metadata, CancellationToken cancellationToken = default);

    /// <summary>Deletes every checkpoint of a thread, in all namespaces. Deleting an unknown thread does nothing.</summary>
    /// <param name="threadId">Identifies the thread.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>A task that completes when the thread is gone.</returns>
    Task DeleteThreadAsync(string threadId, CancellationToken cancellationToken = default);
}
