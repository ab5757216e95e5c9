using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.State;
using Mirt.Sales.Diagnostics;

namespace Mirt.Sales.Graph;

/// <summary>
/// Checks every conversation-state change a node makes against <see cref="SalesStateMachine"/>.
/// </summary>
/// <param name="inner">The audited node.</param>
internal sealed class TransitionAuditNode(INode inner) : DelegatingNode(inner)
{
    public override async ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        var result = await base.InvokeAsync(context, cancellationToken).ConfigureAwait(false);
        var from = context.Get(SalesKeys.State);
        var to = result.Writes.LastOrDefault(w => w.Key == SalesKeys.State)?.Value as string;
        if (to is not null && !SalesStateMachine.CanMove(from, to))
        {
            SalesTelemetry.CountValidationError();
            throw new GraphExecutionException($"The node '{context.Node}' moved the conversation from {from} to {to}, which the sales state machine does not permit; fix the node or permit the move in SalesStateMachine.");
        }

        return result;
    }
}
