namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Bundles a stored checkpoint with its address, metadata and the address of its parent.
/// </summary>
/// <param name="Config">Addresses this checkpoint exactly (its <see cref="CheckpointConfig.CheckpointId"/> is set).</param>
/// <param name="Checkpoint">Holds the stored state.</param>
/// <param name="Metadata">Describes how the checkpoint came about.</param>
/// <param name="ParentConfig">Addresses the previous checkpoint of the same thread and namespace, or <see langword="null"/> for the first.</param>
public sealed record CheckpointTuple(
    CheckpointConfig Config,
    Checkpoint Checkpoint,
    CheckpointMetadata Metadata,
    CheckpointConfig? ParentConfig);
