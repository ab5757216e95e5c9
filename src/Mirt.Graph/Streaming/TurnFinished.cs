using Mirt.Graph.Execution;

namespace Mirt.Graph.Streaming;

/// <summary>Reports that a run ended, finished or interrupted; in the root namespace it is the stream's last event.</summary>
/// <param name="ThreadId">Identifies the thread.</param>
/// <param name="Namespace">Names the checkpoint namespace (a subgraph's run ends with its own event).</param>
/// <param name="Result">Holds what <see cref="GraphRunner.RunTurnAsync"/> would have returned.</param>
public sealed record TurnFinished(string ThreadId, string Namespace, TurnResult Result)
    : GraphEvent(ThreadId, Namespace);
