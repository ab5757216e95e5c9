using Mirt.Graph.Interrupts;
using Mirt.Graph.State;

namespace Mirt.Graph.Execution;

/// <summary>
/// Reports how one turn ran: the state where the bot now waits, the nodes it passed and the last checkpoint.
/// </summary>
/// <param name="State">The state after the turn (for an interrupted turn: the state the paused node started from).</param>
/// <param name="Path">The nodes run, in order; an interrupted turn ends with the node that paused.</param>
/// <param name="CheckpointId">The id of the checkpoint written last (for an interrupted turn: the checkpoint the
/// paused node started from, which the interrupt is stored against).</param>
/// <param name="Step">The thread's superstep count after the turn.</param>
public sealed record TurnResult(GraphState State, IReadOnlyList<NodeName> Path, string CheckpointId, int Step)
{
    /// <summary>Gets the interrupt the turn ended on, or <see langword="null"/> when the turn finished.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public GraphInterrupt? Interrupt { get; init; }

    /// <summary>Gets a value indicating whether the turn ended paused on an interrupt (answer it with
    /// <see cref="GraphRunner.ResumeAsync"/>).</summary>
    public bool IsInterrupted => Interrupt is not null;
}
