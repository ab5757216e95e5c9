using Mirt.Graph.State;

namespace Mirt.Graph.Execution;

/// <summary>
/// Reports how one turn ran: the state where the bot now waits, the nodes it passed and the last checkpoint.
/// </summary>
/// <param name="State">The state after the turn.</param>
/// <param name="Path">The nodes run, in order.</param>
/// <param name="CheckpointId">The id of the checkpoint written last.</param>
/// <param name="Step">The thread's superstep count after the turn.</param>
public sealed record TurnResult(GraphState State, IReadOnlyList<NodeName> Path, string CheckpointId, int Step);
