namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Addresses a thread, a checkpoint namespace inside it, and optionally one checkpoint.
/// </summary>
/// <param name="ThreadId">Identifies the conversation thread; must not be empty.</param>
/// <param name="Namespace">Names the checkpoint namespace; empty for the root graph, <c>parent:child</c> for subgraphs.</param>
/// <param name="CheckpointId">Identifies one checkpoint, or <see langword="null"/> for the thread's latest.</param>
public readonly record struct CheckpointConfig(string ThreadId, string Namespace = "", string? CheckpointId = null);
