using Mirt.Graph.Checkpoints;
using Mirt.Graph.Streaming;

namespace Mirt.Graph.Execution;

/// <content>The engine every run shares: step after step until the end or an interrupt.</content>
public sealed partial class GraphRunner
{
    /// <summary>Runs nodes from <paramref name="cursor"/> until an edge reaches the end or a node interrupts, writing a
    /// checkpoint after each node.</summary>
    private async Task<TurnResult> RunLoopAsync(RunScope scope, RunCursor cursor, CancellationToken cancellationToken)
    {
        var path = new List<NodeName>();
        while (!cursor.Current.IsEnd)
        {
            if (path.Count >= _options.MaxStepsPerTurn)
            {
                throw new GraphExecutionException($"The turn of thread '{scope.ThreadId}' ran {path.Count} steps without reaching the end; check the edges around '{cursor.Current}' for a loop or raise MaxStepsPerTurn.");
            }

            var outcome = await RunStepAsync(scope, cursor, cancellationToken).ConfigureAwait(false);
            path.Add(cursor.Current);
            if (outcome.Interrupt is { } interrupt)
            {
                scope.Sink.Emit(new TurnInterrupted(scope.ThreadId, scope.Namespace, interrupt));
                return Finish(scope, new TurnResult(cursor.State, path, cursor.CheckpointId, cursor.Step) { Interrupt = interrupt });
            }

            cursor = await SaveAsync(scope, cursor, outcome.State, outcome.Next, cursor.Current, CheckpointMetadata.LoopSource, cancellationToken).ConfigureAwait(false);
        }

        await FlushAsync(scope, cancellationToken).ConfigureAwait(false);
        if (scope.Namespace.Length == 0)
        {
            // A fresh cursor: fenced on its own checkpoint, whatever fence or answer the run started with.
            _latest.Set(scope.ThreadId, new RunCursor(cursor.Parent, cursor.Stored, cursor.State, cursor.Step, cursor.Current));
        }

        return Finish(scope, new TurnResult(cursor.State, path, cursor.CheckpointId, cursor.Step));
    }

    private static TurnResult Finish(RunScope scope, TurnResult result)
    {
        scope.Sink.Emit(new TurnFinished(scope.ThreadId, scope.Namespace, result));
        return result;
    }

    private static NodeName NextNode(Building.ConversationGraph graph, NodeName current, NodeResult result, State.GraphState state)
    {
        var edge = graph.GetEdge(current);
        var next = result.Goto ?? (edge.Router is null ? edge.Targets[0] : edge.Router(state));
        if (!edge.Targets.Contains(next))
        {
            throw new GraphExecutionException($"The node '{current}' routed to '{next}', which is not a declared target of its edge; declare it in AddConditionalEdges.");
        }

        return next;
    }
}
