namespace Mirt.Graph.Execution;

/// <summary>
/// Runs one step of a conversation graph: reads the state and returns the writes it wants to make.
/// </summary>
/// <remarks>
/// Nodes must not keep per-conversation data in fields: one instance serves every thread concurrently. Wrap a node
/// in a <see cref="DelegatingNode"/> for cross-cutting behaviour (timing, retries, tracing).
/// </remarks>
public interface INode
{
    /// <summary>Runs the node.</summary>
    /// <param name="context">The thread, step, current state and services of this run.</param>
    /// <param name="cancellationToken">Cancels the step; the turn then stops without a checkpoint for this step.</param>
    /// <returns>The writes and routing decision of the step.</returns>
    ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken);
}
