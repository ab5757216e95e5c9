using Mirt.Graph.Execution;

namespace Mirt.Graph.Streaming;

/// <summary>Reports that a checkpoint was stored.</summary>
/// <param name="ThreadId">Identifies the thread.</param>
/// <param name="Namespace">Names the checkpoint namespace.</param>
/// <param name="CheckpointId">Identifies the stored checkpoint.</param>
/// <param name="Step">Gives its step.</param>
/// <param name="Source">Names what produced it (<c>input</c> or <c>loop</c>, see <see cref="Checkpoints.CheckpointMetadata"/>).</param>
/// <param name="Next">Names the nodes that run next; empty when the run is done.</param>
public sealed record CheckpointSaved(string ThreadId, string Namespace, string CheckpointId, int Step, string Source, IReadOnlyList<NodeName> Next)
    : GraphEvent(ThreadId, Namespace);
