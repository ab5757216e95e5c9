using Mirt.Graph.Diagnostics;
using Mirt.Graph.History;
using Mirt.Graph.Interrupts;
using Mirt.Graph.Policies;
using Mirt.Graph.State;
using Mirt.Graph.Streaming;

namespace Mirt.Graph.Execution;

/// <content>Runs one node step: the node (through its policy, or as a subgraph), its routing, and the records a
/// restart needs when it fails or pauses.</content>
public sealed partial class GraphRunner
{
    private async Task<StepOutcome> RunStepAsync(RunScope scope, RunCursor cursor, CancellationToken cancellationToken)
    {
        var node = cursor.Current;
        var step = cursor.Step + 1;
        scope.Sink.Emit(new NodeStarted(scope.ThreadId, scope.Namespace, node, step, cursor.CheckpointId));
        using var telemetry = StepTelemetry.Start(scope.ThreadId, node, step, _options.Time, _logger);
        var attempts = new AttemptCounter();
        NodeResult result;
        GraphState state;
        var next = NodeName.End;
        try
        {
            result = await InvokeAsync(scope, cursor, attempts, cancellationToken).ConfigureAwait(false);
            state = cursor.State.Apply(result.Writes);
            if (!result.IsInterrupt)
            {
                next = NextNode(scope.Graph, node, result, state);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            telemetry.Failed(ex);
            throw await FailAsync(scope, cursor, ex, attempts.Count, cancellationToken).ConfigureAwait(false);
        }

        scope.Sink.Emit(new NodeFinished(scope.ThreadId, scope.Namespace, node, step, telemetry.Finished()));
        if (result.InterruptPayloadJson is not { } payload)
        {
            return new StepOutcome(state, next, null);
        }

        var interrupt = InterruptRecords.Raise(node, cursor.CheckpointId, payload, cursor.Answered);
        await FlushAsync(scope, cancellationToken).ConfigureAwait(false);
        await _saver.PutWritesAsync(cursor.Parent, [InterruptRecords.InterruptWrite(interrupt)], node.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new StepOutcome(cursor.State, NodeName.End, interrupt);
    }

    private ValueTask<NodeResult> InvokeAsync(RunScope scope, RunCursor cursor, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        if (scope.Graph.GetSubgraph(cursor.Current) is { } subgraph)
        {
            attempts.Count++;
            return new ValueTask<NodeResult>(RunSubgraphAsync(scope, cursor, subgraph, cancellationToken));
        }

        var context = new NodeContext(scope.ThreadId, cursor.Current, cursor.Step + 1, cursor.State, _options.Time, cursor.CheckpointId, _options.Services ?? NoServices)
        {
            Namespace = scope.Namespace,
            ResumeJson = cursor.Answered?.ResumeJson,
        };
        return _pipelines.InvokeAsync(scope.Graph, cursor.Current, context, attempts, cancellationToken);
    }

    /// <summary>Records a node failure against the checkpoint the node started from and builds the exception that
    /// fails the turn.</summary>
    private async Task<GraphExecutionException> FailAsync(RunScope scope, RunCursor cursor, Exception error, int attempts, CancellationToken cancellationToken)
    {
        var node = cursor.Current;
        var failure = new NodeFailure(node, error.GetType().FullName ?? error.GetType().Name, error.Message, Math.Max(1, attempts));
        await FlushAsync(scope, cancellationToken).ConfigureAwait(false);
        await _saver.PutWritesAsync(cursor.Parent, [ErrorRecords.Write(failure)], node.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
        var where = scope.Namespace.Length == 0 ? string.Empty : $" (subgraph namespace '{scope.Namespace}')";
        return new GraphExecutionException(
            $"The node '{node}' failed on thread '{scope.ThreadId}'{where} after {failure.Attempts} attempt(s): {error.Message} " +
            $"The turn stopped at checkpoint '{cursor.CheckpointId}'; GraphRunner.ContinueAsync runs the node again, a new turn starts over from that checkpoint's state.",
            error);
    }
}
