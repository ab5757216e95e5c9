using Mirt.Graph.Building;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Interrupts;
using Mirt.Graph.State;
using Mirt.Graph.Subgraphs;

namespace Mirt.Graph.Execution;

/// <content>Runs a subgraph node in its own checkpoint namespace.</content>
public sealed partial class GraphRunner
{
    /// <summary>
    /// Runs a subgraph for the parent step at <paramref name="at"/>: starts it in a fresh namespace, or — when the step
    /// runs again from the same parent checkpoint after a crash or an interrupt — continues the run stored there.
    /// </summary>
    /// <returns>Writes of the shared channels the subgraph changed, or the interrupt it paused on.</returns>
    private async Task<NodeResult> RunSubgraphAsync(RunScope parent, RunCursor at, ConversationGraph subgraph, CancellationToken cancellationToken)
    {
        // The subgraph's checkpoints name the parent's checkpoint in their namespace: store it first.
        await FlushAsync(parent, cancellationToken).ConfigureAwait(false);
        var scope = parent with
        {
            Namespace = SubgraphNamespace.For(parent.Namespace, at.Current, at.CheckpointId),
            Graph = subgraph,
            Staged = parent.Staged is null ? null : new StagedCheckpoints(),
        };
        var latest = await _saver.GetTupleAsync(new CheckpointConfig(scope.ThreadId, scope.Namespace), cancellationToken).ConfigureAwait(false);
        var result = latest is null
            ? await StartSubgraphAsync(scope, at.State, cancellationToken).ConfigureAwait(false)
            : await ContinueSubgraphAsync(scope, latest, at.Answered?.ResumeJson, cancellationToken).ConfigureAwait(false);
        return result.Interrupt is { } interrupt
            ? NodeResult.InterruptWithJson(interrupt.PayloadJson)
            : NodeResult.Continue(SubgraphState.Leave(at.State, result.State, parent.Graph.Schema, subgraph));
    }

    private async Task<TurnResult> StartSubgraphAsync(RunScope scope, GraphState parentState, CancellationToken cancellationToken)
    {
        var input = SubgraphState.Enter(parentState, scope.Graph);
        var cursor = await SaveAsync(scope, At(scope, null), input, scope.Graph.Entry, node: null, CheckpointMetadata.InputSource, cancellationToken).ConfigureAwait(false);
        return await RunLoopAsync(scope, cursor, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TurnResult> ContinueSubgraphAsync(RunScope scope, CheckpointTuple latest, string? resumeJson, CancellationToken cancellationToken)
    {
        var interrupt = InterruptRecords.Find(latest);
        if (interrupt is { IsAnswered: false })
        {
            if (resumeJson is null)
            {
                // The parent runs the node again without an answer: the subgraph still waits on the same question.
                return new TurnResult(At(scope, latest).State, [], latest.Checkpoint.Id, latest.Checkpoint.Step) { Interrupt = interrupt };
            }

            interrupt = await AnswerAsync(latest, interrupt, resumeJson, cancellationToken).ConfigureAwait(false);
        }

        return await RunFromAsync(scope, latest, latest, interrupt, cancellationToken).ConfigureAwait(false);
    }
}
