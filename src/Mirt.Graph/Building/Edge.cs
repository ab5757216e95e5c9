using Mirt.Graph.Execution;
using Mirt.Graph.State;

namespace Mirt.Graph.Building;

/// <summary>
/// Describes the way out of a node: a fixed next node, or a router that picks one of several declared targets.
/// </summary>
/// <param name="From">The node the edge leaves.</param>
/// <param name="Targets">Every node the edge may lead to, in declaration order.</param>
/// <param name="Router">Picks the target from the state after the node ran; <see langword="null"/> for a fixed edge.</param>
public sealed record Edge(NodeName From, IReadOnlyList<NodeName> Targets, Func<GraphState, NodeName>? Router)
{
    /// <summary>Gets a value indicating whether a router picks the target.</summary>
    public bool IsConditional => Router is not null;
}
