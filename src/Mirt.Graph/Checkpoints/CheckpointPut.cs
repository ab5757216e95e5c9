namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Describes one put of <see cref="ICheckpointSaver.PutManyAsync"/>: the arguments <see cref="ICheckpointSaver.PutAsync"/> takes.
/// </summary>
/// <param name="Config">Addresses the thread and namespace; its checkpoint id, when set, is the parent.</param>
/// <param name="Checkpoint">Holds the state to store; its id must be new in the thread and namespace.</param>
/// <param name="Metadata">Describes the checkpoint.</param>
/// <param name="NewVersions">Names the channels this put writes, with their versions; <see langword="null"/> writes every channel.</param>
/// <param name="ExpectedHead">Fences the put; only the first put of a chain is checked against the store.</param>
public sealed record CheckpointPut(
    CheckpointConfig Config,
    Checkpoint Checkpoint,
    CheckpointMetadata Metadata,
    IReadOnlyDictionary<string, long>? NewVersions = null,
    ExpectedHead ExpectedHead = default);
