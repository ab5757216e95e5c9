using Mirt.Graph.Checkpoints;
using Mirt.Graph.Migrations;
using Mirt.Graph.State;
using Mirt.Graph.Streaming;

namespace Mirt.Graph.Execution;

/// <content>Loads where a run starts and writes the checkpoint of each step.</content>
public sealed partial class GraphRunner
{
    /// <summary>Places a cursor at a stored checkpoint (migrating its state to this graph's version), or at the start
    /// of an empty thread or namespace when <paramref name="tuple"/> is <see langword="null"/>.</summary>
    private static RunCursor At(RunScope scope, CheckpointTuple? tuple)
    {
        if (tuple is null)
        {
            return new RunCursor(new CheckpointConfig(scope.ThreadId, scope.Namespace), StoredChannels.None, GraphState.Empty, -2, NodeName.End);
        }

        var (state, stored) = StateMigrator.Load(scope.Graph, scope.ThreadId, tuple.Checkpoint);
        return new RunCursor(tuple.Config, stored, state, tuple.Checkpoint.Step, NextOf(scope, tuple));
    }

    private static NodeName NextOf(RunScope scope, CheckpointTuple tuple)
    {
        if (tuple.Checkpoint.Next.Count == 0)
        {
            return NodeName.End;
        }

        var next = new NodeName(tuple.Checkpoint.Next[0]);
        return scope.Graph.Contains(next)
            ? next
            : throw new GraphExecutionException($"Checkpoint '{tuple.Checkpoint.Id}' of thread '{scope.ThreadId}' names '{next}' as its next node, which graph version {scope.Graph.Version} does not have; keep the node, or migrate with UpdateStateAsync(asNode: …) to move the thread past it.");
    }

    /// <summary>Writes the checkpoint of one step as the child of the cursor's checkpoint, fenced as the cursor says,
    /// storing only the channel values the store does not hold yet (see <see cref="StateSchema.Encode"/>).</summary>
    private async Task<RunCursor> SaveAsync(
        RunScope scope,
        RunCursor from,
        GraphState state,
        NodeName next,
        NodeName? node,
        string source,
        CancellationToken cancellationToken)
    {
        var encoded = scope.Graph.Schema.Encode(state, from.Stored);
        var step = from.Step + 1;
        var checkpoint = new Checkpoint(
            _ids.NewIdAfter(from.SortAfter),
            step,
            _options.Time.GetUtcNow(),
            encoded.Values,
            encoded.Versions,
            next.IsEnd ? [] : [next.Value],
            scope.Graph.Version);
        var metadata = new CheckpointMetadata(source, step, node?.Value, scope.Extra);
        if (scope.Staged is { } staged && source == CheckpointMetadata.LoopSource)
        {
            // Turn durability: the step's checkpoint joins the turn's chain; the store sees it when the chain is flushed.
            var put = new CheckpointPut(from.Parent, checkpoint, metadata, encoded.NewVersions, from.Fence);
            if (scope.Sink.IsListening)
            {
                staged.Add(put, Updated(scope, from, state, node), Saved(scope, checkpoint, source, next));
            }
            else
            {
                staged.Add(put);
            }

            return new RunCursor(new CheckpointConfig(scope.ThreadId, scope.Namespace, checkpoint.Id), encoded.Stored, state, step, next);
        }

        var config = await _saver.PutAsync(from.Parent, checkpoint, metadata, encoded.NewVersions, from.Fence, cancellationToken).ConfigureAwait(false);
        if (scope.Sink.IsListening)
        {
            scope.Sink.Emit(Updated(scope, from, state, node));
            scope.Sink.Emit(Saved(scope, checkpoint, source, next));
        }

        return new RunCursor(config, encoded.Stored, state, step, next);
    }

    /// <summary>Writes the checkpoints a run has staged under <see cref="CheckpointDurability.Turn"/>, before anything
    /// that needs them stored: the end of the run, an interrupt or failure record, a subgraph.</summary>
    private Task FlushAsync(RunScope scope, CancellationToken cancellationToken) =>
        scope.Staged is { IsEmpty: false } staged ? staged.FlushAsync(_saver, scope.Sink, cancellationToken) : Task.CompletedTask;

    private static StateUpdated Updated(RunScope scope, RunCursor from, GraphState state, NodeName? node) =>
        new(scope.ThreadId, scope.Namespace, node, ChangedChannels(from.State, state));

    private static CheckpointSaved Saved(RunScope scope, Checkpoint checkpoint, string source, NodeName next) =>
        new(scope.ThreadId, scope.Namespace, checkpoint.Id, checkpoint.Step, source, next.IsEnd ? [] : [next]);

    private static List<string> ChangedChannels(GraphState before, GraphState after) =>
        before.Versions.Keys.Union(after.Versions.Keys, StringComparer.Ordinal)
            .Where(channel => before.Versions.GetValueOrDefault(channel) != after.Versions.GetValueOrDefault(channel))
            .Order(StringComparer.Ordinal)
            .ToList();
}
