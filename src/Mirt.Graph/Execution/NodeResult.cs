using Mirt.Graph.Interrupts;
using Mirt.Graph.State;

namespace Mirt.Graph.Execution;

/// <summary>
/// Carries what one node step decided: the state writes and optionally where to go next, or a pause for a human
/// decision.
/// </summary>
/// <remarks>
/// Routing: when <see cref="Goto"/> is set the runner goes there (it must be a declared target of the node's
/// edges); otherwise it follows the node's edge. Returning <see cref="NodeName.End"/> ends the turn.
/// An <see cref="Interrupt"/> result writes nothing and ends the turn paused; see <see cref="GraphRunner.ResumeAsync"/>.
/// </remarks>
public sealed record NodeResult
{
    private NodeResult(IReadOnlyList<StateWrite> writes, NodeName? @goto, string? interruptPayloadJson = null)
    {
        Writes = writes;
        Goto = @goto;
        InterruptPayloadJson = interruptPayloadJson;
    }

    /// <summary>Gets the writes to apply, in order.</summary>
    public IReadOnlyList<StateWrite> Writes { get; }

    /// <summary>Gets the node to run next, or <see langword="null"/> to follow the edges.</summary>
    public NodeName? Goto { get; }

    /// <summary>Gets the interrupt payload as JSON text when the node paused the graph, otherwise <see langword="null"/>.</summary>
    public string? InterruptPayloadJson { get; }

    /// <summary>Gets a value indicating whether the node paused the graph for a human decision.</summary>
    public bool IsInterrupt => InterruptPayloadJson is not null;

    /// <summary>Creates a result that writes and then follows the node's edges.</summary>
    /// <param name="writes">The writes.</param>
    /// <returns>The result.</returns>
    public static NodeResult Continue(params StateWrite[] writes) => new(writes, null);

    /// <summary>Creates a result that writes and then follows the node's edges.</summary>
    /// <param name="writes">The writes.</param>
    /// <returns>The result.</returns>
    public static NodeResult Continue(IEnumerable<StateWrite> writes) => new([.. writes], null);

    /// <summary>Creates a result that writes and then runs <paramref name="node"/>.</summary>
    /// <param name="node">The next node; a declared edge target of this node.</param>
    /// <param name="writes">The writes.</param>
    /// <returns>The result.</returns>
    public static NodeResult Route(NodeName node, params StateWrite[] writes) => new(writes, node);

    /// <summary>Creates a result that writes and then runs <paramref name="node"/>.</summary>
    /// <param name="node">The next node; a declared edge target of this node.</param>
    /// <param name="writes">The writes.</param>
    /// <returns>The result.</returns>
    public static NodeResult Route(NodeName node, IEnumerable<StateWrite> writes) => new([.. writes], node);

    /// <summary>
    /// Creates a result that pauses the graph for a human decision. The turn ends interrupted, nothing is written,
    /// and the thread's latest checkpoint keeps naming this node as next; <see cref="GraphRunner.ResumeAsync"/> runs the
    /// node again from the same checkpoint with the answer in <see cref="NodeContext.ResumeJson"/>.
    /// </summary>
    /// <param name="payload">What the human needs to decide (a question, a draft); serialised to JSON by its runtime
    /// type with web defaults (camelCase), so it must round-trip through System.Text.Json.</param>
    /// <returns>The result.</returns>
    /// <exception cref="NotSupportedException">The payload cannot be serialised to JSON.</exception>
    public static NodeResult Interrupt(object? payload) => new([], null, PayloadJsonCodec.Serialize(payload));

    /// <summary>Creates an interrupt result from payload JSON that is serialised already (a subgraph passing its interrupt up).</summary>
    /// <param name="payloadJson">The payload as JSON text.</param>
    /// <returns>The result.</returns>
    internal static NodeResult InterruptWithJson(string payloadJson) => new([], null, payloadJson);
}
