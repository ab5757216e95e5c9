using Mirt.Graph.Execution;

namespace Mirt.Graph.Streaming;

/// <summary>Reports that a node started (before its first attempt).</summary>
/// <param name="ThreadId">Identifies the thread.</param>
/// <param name="Namespace">Names the checkpoint namespace.</param>
/// <param name="Node">Names the node.</param>
/// <param name="Step">Gives the step the node's checkpoint will have.</param>
/// <param name="CheckpointId">Identifies the checkpoint the node starts from.</param>
public sealed record NodeStarted(string ThreadId, string Namespace, NodeName Node, int Step, string CheckpointId)
    : GraphEvent(ThreadId, Namespace);
