using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;
using Mirt.Graph.Interrupts;
using Mirt.Graph.State;

namespace Mirt.Graph.History;

/// <summary>
/// Shows a thread as one checkpoint stored it: the state, where the graph goes next, how the checkpoint came about and
/// what is pending against it.
/// </summary>
/// <param name="ThreadId">Identifies the thread.</param>
/// <param name="Namespace">Names the checkpoint namespace: empty for the root graph, see <see cref="Subgraphs.SubgraphNamespace"/>.</param>
/// <param name="CheckpointId">Identifies the checkpoint.</param>
/// <param name="ParentCheckpointId">Identifies the checkpoint it was written after, or <see langword="null"/> for the first.</param>
/// <param name="Step">Counts supersteps (see <see cref="Checkpoint.Step"/>).</param>
/// <param name="CreatedAt">Records when the checkpoint was written (UTC).</param>
/// <param name="State">Holds the state as stored, decoded with the current graph's schema and not migrated.</param>
/// <param name="Next">Names the nodes that run next; empty when the bot waits for the customer.</param>
/// <param name="Metadata">Describes how the checkpoint came about (<c>input</c>, <c>loop</c>, <c>update</c>, <c>fork</c>).</param>
/// <param name="GraphVersion">States the graph version that wrote the checkpoint.</param>
/// <param name="PendingWrites">Holds the raw pending writes stored against the checkpoint.</param>
/// <param name="Interrupt">Describes the interrupt a node raised from this checkpoint, or <see langword="null"/>.</param>
/// <param name="Error">Describes the node failure recorded against this checkpoint, or <see langword="null"/>.</param>
/// <remarks>Immutable.</remarks>
public sealed record StateSnapshot(
    string ThreadId,
    string Namespace,
    string CheckpointId,
    string? ParentCheckpointId,
    int Step,
    DateTimeOffset CreatedAt,
    GraphState State,
    IReadOnlyList<NodeName> Next,
    CheckpointMetadata Metadata,
    int GraphVersion,
    IReadOnlyList<PendingWrite> PendingWrites,
    GraphInterrupt? Interrupt,
    NodeFailure? Error)
{
    /// <summary>Gets a value indicating whether the turn that wrote the checkpoint is unfinished: nodes are still to
    /// run (after a crash, a failure or an interrupt). <see cref="GraphRunner.ContinueAsync"/> runs them.</summary>
    public bool HasPendingNodes => Next.Count > 0;
}
