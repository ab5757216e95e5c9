namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Stores and loads checkpoints of conversation threads: the checkpoint contract every store (in-memory, SQLite,
/// PostgreSQL, your own) implements with the same observable behaviour.
/// </summary>
/// <remarks>
/// <para>
/// Addressing: a checkpoint lives in a thread and a namespace (empty for the root graph, <c>parent:child</c> for
/// subgraphs). The thread's latest checkpoint in a namespace is the one whose id sorts last (ordinal compare); ids come
/// from a <see cref="Time.IIdGenerator"/> and grow with time.
/// </para>
/// <para>
/// Channel values are stored once per (thread, namespace, channel, version): a put writes only the channels named in
/// its new versions, older unchanged values still load through the checkpoint's version map, and a channel absent from
/// that map is absent when the checkpoint loads. Writing a (channel, version) that is stored already keeps the first
/// value.
/// </para>
/// <para>
/// Pending writes belong to one checkpoint and one task; they load with that checkpoint only, so the next checkpoint
/// starts with none ("cleared by the next checkpoint").
/// </para>
/// <para>
/// Implementations are thread-safe. The graph runner serialises turns of one thread inside a process and uses
/// <see cref="ExpectedHead"/> to fence writers in other processes.
/// </para>
/// </remarks>
public interface ICheckpointSaver
{
    /// <summary>
    /// Loads one checkpoint with its channel values and pending writes: the one named by
    /// <see cref="CheckpointConfig.CheckpointId"/>, or the latest of the thread and namespace when the id is <see langword="null"/>.
    /// </summary>
    /// <param name="config">Addresses the thread, namespace and optional checkpoint id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The checkpoint tuple, or <see langword="null"/> when none matches.</returns>
    /// <exception cref="ArgumentException">The config has no thread id.</exception>
    Task<CheckpointTuple?> GetTupleAsync(CheckpointConfig config, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists checkpoints newest first (descending checkpoint id; equal ids in different threads or namespaces by
    /// ascending thread id, then namespace), with their values and pending writes.
    /// </summary>
    /// <param name="query">Selects thread, namespace, id, metadata filter, <c>before</c> cursor and limit; every part is optional.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The matching checkpoints, newest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The query's limit is negative.</exception>
    IAsyncEnumerable<CheckpointTuple> ListAsync(CheckpointQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a checkpoint as the child of the checkpoint that <paramref name="config"/> names (none for the first).
    /// </summary>
    /// <param name="config">Addresses the thread and namespace; its checkpoint id, when set, is the parent.</param>
    /// <param name="checkpoint">Holds the state to store; its id must be new in the thread and namespace.</param>
    /// <param name="metadata">Describes the checkpoint.</param>
    /// <param name="newVersions">Names the channels whose values this put writes, with their versions; every one must
    /// appear in <see cref="Checkpoint.ChannelVersions"/> with the same version. <see langword="null"/> writes every
    /// channel of the checkpoint.</param>
    /// <param name="expectedHead">Fences the write: the put succeeds only when the thread's latest checkpoint in the
    /// namespace is the expected one, checked inside the write's transaction. <see cref="ExpectedHead.Any"/> (the
    /// default) does not check.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled or failed write stores nothing.</param>
    /// <returns>The config that addresses the stored checkpoint.</returns>
    /// <exception cref="ArgumentException">The config has no thread id, the checkpoint has no id, a channel has a value
    /// but no version, a new version disagrees with the checkpoint's version map, a reserved metadata key is used as an
    /// extra key, or a fenced checkpoint's id does not sort after the expected head.</exception>
    /// <exception cref="InvalidOperationException">The checkpoint id exists already in the thread and namespace.</exception>
    /// <exception cref="CheckpointConflictException">The thread's latest checkpoint is not the expected head: another
    /// writer got there first; reload the latest checkpoint and retry.</exception>
    Task<CheckpointConfig> PutAsync(
        CheckpointConfig config,
        Checkpoint checkpoint,
        CheckpointMetadata metadata,
        IReadOnlyDictionary<string, long>? newVersions = null,
        ExpectedHead expectedHead = default,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a chain of checkpoints — each put's parent is the checkpoint of the put before it — as one unit: the
    /// graph runner's per-turn durability (<see cref="Execution.CheckpointDurability.Turn"/>) writes a turn's node steps
    /// with it, so a turn costs one commit instead of one per step.
    /// </summary>
    /// <param name="puts">The chain, oldest first: one thread and namespace; put <c>i + 1</c> names put <c>i</c>'s
    /// checkpoint as its parent; only the first put's <see cref="CheckpointPut.ExpectedHead"/> is checked against the
    /// store (the later ones follow by construction). An empty list stores nothing.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The configs of the stored checkpoints, in order.</returns>
    /// <remarks>The built-in stores (in-memory, SQLite, PostgreSQL) write the chain atomically — all checkpoints or
    /// none — in one transaction and, for PostgreSQL, one round trip. This default implementation, which a store of
    /// your own inherits, calls <see cref="PutAsync"/> for each put in order, so a failure part-way keeps the puts before
    /// it; override it to make the chain atomic.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="puts"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The chain mixes threads or namespaces, a put's parent is not the checkpoint
    /// before it, or a put's own arguments are invalid (as <see cref="PutAsync"/> says).</exception>
    /// <exception cref="InvalidOperationException">A checkpoint id exists already in the thread and namespace.</exception>
    /// <exception cref="CheckpointConflictException">The thread's latest checkpoint is not the first put's expected head.</exception>
    async Task<IReadOnlyList<CheckpointConfig>> PutManyAsync(IReadOnlyList<CheckpointPut> puts, CancellationToken cancellationToken = default)
    {
        CheckpointArguments.PutMany(puts);
        var stored = new CheckpointConfig[puts.Count];
        for (var i = 0; i < puts.Count; i++)
        {
            var put = puts[i];
            stored[i] = await PutAsync(put.Config, put.Checkpoint, put.Metadata, put.NewVersions, put.ExpectedHead, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    /// <summary>
    /// Stores the writes one task produced against the checkpoint <paramref name="config"/> names, before the next
    /// checkpoint exists, so a crash does not lose finished work.
    /// </summary>
    /// <param name="config">Addresses the checkpoint; its checkpoint id is required.</param>
    /// <param name="writes">The writes in order; write <c>i</c> is stored at index <c>i</c>, or at the fixed index of a
    /// special channel (see <see cref="WriteChannels"/>).</param>
    /// <param name="taskId">Identifies the task (for example the node step) that produced the writes.</param>
    /// <param name="taskPath">Orders tasks of one checkpoint when they load; empty by default.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled or failed call stores nothing.</param>
    /// <returns>A task that completes when the writes are durable.</returns>
    /// <remarks>Idempotent per (task id, index): storing a regular write again keeps the first value; a special write
    /// (error, interrupt, resume, scheduled) replaces the stored one.</remarks>
    /// <exception cref="ArgumentException">The config has no thread or checkpoint id, or the task id is empty.</exception>
    Task PutWritesAsync(
        CheckpointConfig config,
        IReadOnlyList<ChannelWrite> writes,
        string taskId,
        string taskPath = "",
        CancellationToken cancellationToken = default);

    /// <summary>Deletes every checkpoint, channel value and pending write of a thread, in all namespaces. Deleting an
    /// unknown thread does nothing.</summary>
    /// <param name="threadId">Identifies the thread.</param>
    /// <param name="cancellationToken">Cancels the delete; a cancelled delete removes nothing.</param>
    /// <returns>A task that completes when the thread is gone.</returns>
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is empty.</exception>
    Task DeleteThreadAsync(string threadId, CancellationToken cancellationToken = default);

    /// <summary>Copies every checkpoint, channel value and pending write of a thread, in all namespaces, to another
    /// thread with the same checkpoint ids, parents and metadata. Copying an unknown thread does nothing.</summary>
    /// <param name="sourceThreadId">The thread to copy.</param>
    /// <param name="targetThreadId">The thread to create; it must hold no checkpoint yet.</param>
    /// <param name="cancellationToken">Cancels the copy; a cancelled copy writes nothing.</param>
    /// <returns>A task that completes when the copy is durable.</returns>
    /// <exception cref="ArgumentException">A thread id is empty, or both are the same.</exception>
    /// <exception cref="InvalidOperationException">The target thread holds checkpoints already.</exception>
    Task CopyThreadAsync(string sourceThreadId, string targetThreadId, CancellationToken cancellationToken = default);

    /// <summary>Prunes threads: <see cref="PruneStrategy.KeepLatest"/> keeps only the latest checkpoint of each
    /// namespace (with its values and pending writes), <see cref="PruneStrategy.Delete"/> deletes the threads. Channel
    /// values no remaining checkpoint references are deleted too. Unknown threads are ignored.</summary>
    /// <param name="threadIds">The threads to prune.</param>
    /// <param name="strategy">What to keep.</param>
    /// <param name="cancellationToken">Cancels the prune; a cancelled prune removes nothing.</param>
    /// <returns>A task that completes when the prune is durable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="threadIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A thread id is empty, or the strategy is undefined.</exception>
    Task PruneAsync(IReadOnlyCollection<string> threadIds, PruneStrategy strategy, CancellationToken cancellationToken = default);

    /// <summary>Deletes the checkpoints whose metadata <see cref="CheckpointMetadata.RunIdKey"/> is one of
    /// <paramref name="runIds"/>, with their pending writes and the channel values no remaining checkpoint references.</summary>
    /// <param name="runIds">The runs to delete.</param>
    /// <param name="cancellationToken">Cancels the delete; a cancelled delete removes nothing.</param>
    /// <returns>A task that completes when the delete is durable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="runIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A run id is empty.</exception>
    Task DeleteForRunsAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken = default);

    /// <summary>Retention: deletes checkpoints created before <paramref name="cutoff"/>, except the latest checkpoint of
    /// every thread and namespace, with their pending writes and the channel values no remaining checkpoint references.</summary>
    /// <param name="cutoff">Checkpoints whose <see cref="Checkpoint.CreatedAt"/> is earlier are deleted (UTC).</param>
    /// <param name="cancellationToken">Cancels the prune; finished batches stay deleted.</param>
    /// <returns>How many checkpoints were deleted.</returns>
    Task<long> PruneOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
