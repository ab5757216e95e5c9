using Mirt.Graph.Checkpoints;
using Mirt.Graph.Interrupts;
using Mirt.Graph.State;

namespace Mirt.Graph.Execution;

/// <summary>Marks where a run stands: the checkpoint the next step starts from, its state, and the node to run.</summary>
/// <param name="Parent">Addresses the checkpoint the next step starts from; its id is <see langword="null"/> for a thread
/// (or namespace) without checkpoints.</param>
/// <param name="Stored">Records what the store holds for <paramref name="State"/>, so a put writes only new values.</param>
/// <param name="State">Holds the state at <paramref name="Parent"/>.</param>
/// <param name="Step">Gives the step of <paramref name="Parent"/> (-2 before the first checkpoint).</param>
/// <param name="Current">Names the node to run next, or <see cref="NodeName.End"/> when the run is done.</param>
internal sealed record RunCursor(CheckpointConfig Parent, StoredChannels Stored, GraphState State, int Step, NodeName Current)
{
    /// <summary>Gets the id the next checkpoint's id must sort after: the parent, or the thread's head for a fork.</summary>
    public string? SortAfter { get; init; } = Parent.CheckpointId;

    /// <summary>Gets the fence of the next put: the parent must still be the head, or <see cref="ExpectedHead.Any"/> for a fork.</summary>
    public ExpectedHead Fence { get; init; } = ExpectedHead.Is(Parent.CheckpointId);

    /// <summary>Gets the answered interrupt the next node resumes from, or <see langword="null"/>.</summary>
    public GraphInterrupt? Answered { get; init; }

    /// <summary>Gets the id of the checkpoint the next step starts from.</summary>
    public string CheckpointId => Parent.CheckpointId ?? throw new InvalidOperationException("The run has no checkpoint to start a step from.");
}
