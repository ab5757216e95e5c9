using Mirt.Graph.Execution;

namespace Mirt.Graph.Streaming;

/// <summary>Reports that a node returned (its writes are not stored yet).</summary>
/// <param name="ThreadId">Identifies the thread.</param>
/// <param name="Namespace">Names the checkpoint namespace.</param>
/// <param name="Node">Names the node.</param>
/// <param name="Step">Gives the step the node's checkpoint will have.</param>
/// <param name="DurationMs">Gives how long the node ran, retries and waits included, in milliseconds (from the runner's
/// <see cref="TimeProvider"/>).</param>
public sealed record NodeFinished(string ThreadId, string Namespace, NodeName Node, int Step, double DurationMs)
    : GraphEvent(ThreadId, Namespace);
