namespace Mirt.Graph.Execution;

/// <summary>
/// Says when the checkpoints of a turn's node steps reach the store. Every step gets its own checkpoint either way,
/// so history, time travel and forks are the same; what differs is how many commits a turn costs and what a crash
/// in the middle of a turn keeps.
/// </summary>
public enum CheckpointDurability
{
    /// <summary>Writes each step's checkpoint before the next node runs: one store write (one commit) per step. A crash
    /// mid-turn keeps every finished step, and <see cref="GraphRunner.ContinueAsync"/> resumes after the last one.</summary>
    Step,

    /// <summary>Writes the turn's input checkpoint at once (so an accepted message is never lost), keeps the node
    /// steps' checkpoints in memory and writes them together, with <see cref="Checkpoints.ICheckpointSaver.PutManyAsync"/>,
    /// when the turn ends, pauses on an interrupt, fails, or enters a subgraph: two commits per turn however many
    /// nodes run. A crash mid-turn keeps the input checkpoint; the unfinished steps run again (nodes are already
    /// required to be safe to re-run, as for retries).</summary>
    Turn,
}
