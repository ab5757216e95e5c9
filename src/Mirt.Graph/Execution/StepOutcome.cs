using Mirt.Graph.Interrupts;
using Mirt.Graph.State;

namespace Mirt.Graph.Execution;

/// <summary>Carries what one node step produced: the new state and next node, or the interrupt it paused on.</summary>
/// <param name="State">The state after the node's writes.</param>
/// <param name="Next">The node to run next, or <see cref="NodeName.End"/>.</param>
/// <param name="Interrupt">The interrupt the node raised, or <see langword="null"/>.</param>
internal readonly record struct StepOutcome(GraphState State, NodeName Next, GraphInterrupt? Interrupt);
