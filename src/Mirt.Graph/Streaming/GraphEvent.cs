namespace Mirt.Graph.Streaming;

/// <summary>
/// Reports one thing that happened while a graph ran, for <see cref="Execution.GraphRunner.StreamTurnAsync"/>.
/// </summary>
/// <param name="ThreadId">Identifies the thread.</param>
/// <param name="Namespace">Names the checkpoint namespace the event happened in: empty for the root graph, a
/// <see cref="Subgraphs.SubgraphNamespace"/> for events of a subgraph (filter on it to follow the root only).</param>
/// <remarks>
/// Events of one run arrive in this order per step: <see cref="NodeStarted"/>, <see cref="NodeFinished"/>, then either
/// <see cref="StateUpdated"/> and <see cref="CheckpointSaved"/>, or <see cref="TurnInterrupted"/>. A turn starts with
/// the <see cref="StateUpdated"/> and <see cref="CheckpointSaved"/> of its input, and every run ends with one
/// <see cref="TurnFinished"/> in the root namespace. Immutable.
/// </remarks>
public abstract record GraphEvent(string ThreadId, string Namespace);
