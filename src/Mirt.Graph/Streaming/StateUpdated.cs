using Mirt.Graph.Execution;

namespace Mirt.Graph.Streaming;

/// <summary>Reports which channels a step changed (written or reset).</summary>
/// <param name="ThreadId">Identifies the thread.</param>
/// <param name="Namespace">Names the checkpoint namespace.</param>
/// <param name="Node">Names the node that wrote, or <see langword="null"/> for a turn's input.</param>
/// <param name="Channels">Names the changed channels, in ordinal order.</param>
public sealed record StateUpdated(string ThreadId, string Namespace, NodeName? Node, IReadOnlyList<string> Channels)
    : GraphEvent(ThreadId, Namespace);
