using Mirt.Graph.State;

namespace Mirt.Graph.Execution;

/// <summary>
/// Carries what one node step decided: the state writes, and optionally where to go next.
/// </summary>
/// <remarks>
/// Routing: when <see cref="Goto"/> is set the runner goes there (it must be a declared target of the node's
/// edges); otherwise it follows the node's edge. Returning <see cref="NodeName.End"/> ends the turn.
/// </remarks>
public sealed record NodeResult
{
    private NodeResult(IReadOnlyList<StateWrite> writes, NodeName? @goto)
    {
        Writes = writes;
        Goto = @goto;
    }

    /// <summary>Gets the writes to apply, in order.</summary>
    public IReadOnlyList<StateWrite> Writes { get; }

    /// <summary>Gets the node to run next, or <see langword="null"/> to follow the edges.</summary>
    public NodeName? Goto { get; }

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
}
