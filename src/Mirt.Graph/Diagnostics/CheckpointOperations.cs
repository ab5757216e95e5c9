namespace Mirt.Graph.Diagnostics;

/// <summary>
/// Names the <see cref="Checkpoints.ICheckpointSaver"/> calls as they appear in the <c>operation</c> label of
/// <c>checkpointer_latency_ms</c> and <c>checkpointer_errors</c>, and in the <c>checkpointer</c> log line.
/// </summary>
public static class CheckpointOperations
{
    /// <summary>Gets the name of <see cref="Checkpoints.ICheckpointSaver.GetTupleAsync"/>.</summary>
    public const string Get = "get";

    /// <summary>Gets the name of <see cref="Checkpoints.ICheckpointSaver.ListAsync"/> (timed over the whole enumeration).</summary>
    public const string List = "list";

    /// <summary>Gets the name of <see cref="Checkpoints.ICheckpointSaver.PutAsync"/>.</summary>
    public const string Put = "put";

    /// <summary>Gets the name of <see cref="Checkpoints.ICheckpointSaver.PutManyAsync"/> (a turn's chain of checkpoints).</summary>
    public const string PutMany = "put_many";

    /// <summary>Gets the name of <see cref="Checkpoints.ICheckpointSaver.PutWritesAsync"/>.</summary>
    public const string PutWrites = "put_writes";

    /// <summary>Gets the name of <see cref="Checkpoints.ICheckpointSaver.DeleteThreadAsync"/>.</summary>
    public const string DeleteThread = "delete_thread";

    /// <summary>Gets the name of <see cref="Checkpoints.ICheckpointSaver.CopyThreadAsync"/>.</summary>
    public const string CopyThread = "copy_thread";

    /// <summary>Gets the name of <see cref="Checkpoints.ICheckpointSaver.PruneAsync"/>.</summary>
    public const string Prune = "prune";

    /// <summary>Gets the name of <see cref="Checkpoints.ICheckpointSaver.DeleteForRunsAsync"/>.</summary>
    public const string DeleteForRuns = "delete_for_runs";

    /// <summary>Gets the name of <see cref="Checkpoints.ICheckpointSaver.PruneOlderThanAsync"/>.</summary>
    public const string PruneOlderThan = "prune_older_than";
}
