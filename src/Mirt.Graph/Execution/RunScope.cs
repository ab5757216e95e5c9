using Mirt.Graph.Building;
using Mirt.Graph.Streaming;

namespace Mirt.Graph.Execution;

/// <summary>Says where a run happens: the thread, the checkpoint namespace and the graph run in it, the metadata
/// stamped on its checkpoints and who hears its events.</summary>
/// <param name="ThreadId">The thread.</param>
/// <param name="Namespace">The checkpoint namespace; empty for the root graph.</param>
/// <param name="Graph">The graph that runs in the namespace.</param>
/// <param name="Extra">The caller's metadata pairs for every checkpoint.</param>
/// <param name="Sink">Receives the run's events.</param>
internal sealed record RunScope(string ThreadId, string Namespace, ConversationGraph Graph, IReadOnlyDictionary<string, string> Extra, GraphEventSink Sink)
{
    /// <summary>Gets the node steps' checkpoints not written yet under <see cref="CheckpointDurability.Turn"/>, or
    /// <see langword="null"/> when each step is written at once.</summary>
    public StagedCheckpoints? Staged { get; init; }
}
