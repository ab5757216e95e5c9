namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Bundles a stored checkpoint with its address, metadata, the address of its parent and its pending writes.
/// </summary>
/// <param name="Config">Addresses this checkpoint exactly (its <see cref="CheckpointConfig.CheckpointId"/> is set).</param>
/// <param name="Checkpoint">Holds the stored state.</param>
/// <param name="Metadata">Describes how the checkpoint came about.</param>
/// <param name="ParentConfig">Addresses the checkpoint this one was put as a child of, or <see langword="null"/> for the first.</param>
/// <param name="PendingWrites">Holds the writes stored against this checkpoint by
/// <see cref="ICheckpointSaver.PutWritesAsync"/>, ordered by task path, task id and index; empty when none.</param>
public sealed record CheckpointTuple(
    CheckpointConfig Config,
    Checkpoint Checkpoint,
    CheckpointMetadata Metadata,
    CheckpointConfig? ParentConfig,
    IReadOnlyList<PendingWrite> PendingWrites);
