using Mirt.Graph.Interrupts;

namespace Mirt.Graph.Streaming;

/// <summary>Reports that a node paused the graph for a human decision; the interrupt is stored.</summary>
/// <param name="ThreadId">Identifies the thread.</param>
/// <param name="Namespace">Names the checkpoint namespace.</param>
/// <param name="Interrupt">Describes the interrupt and its payload.</param>
public sealed record TurnInterrupted(string ThreadId, string Namespace, GraphInterrupt Interrupt)
    : GraphEvent(ThreadId, Namespace);
