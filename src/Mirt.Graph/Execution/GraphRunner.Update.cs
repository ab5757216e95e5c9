using Mirt.Graph.Checkpoints;
using Mirt.Graph.History;
using Mirt.Graph.State;
using Mirt.Graph.Streaming;

namespace Mirt.Graph.Execution;

/// <content>Edits a thread's state by hand (human edits, time travel).</content>
public sealed partial class GraphRunner
{
    /// <summary>
    /// Writes a checkpoint with edited state: on top of the thread's latest checkpoint (source <c>update</c>), or on top
    /// of an older one (source <c>fork</c>), which starts a new branch that becomes the thread's latest.
    /// </summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="writes">The writes, merged through the keys' reducers like a node's (use
    /// <see cref="StateKey{T}.Overwrite"/> to replace).</param>
    /// <param name="asNode">Writes as if this node had run: the new checkpoint's next node follows that node's edge
    /// (its router sees the edited state), and its metadata names the node. <see langword="null"/> keeps the base
    /// checkpoint's next nodes.</param>
    /// <param name="fromCheckpointId">The checkpoint to edit, or <see langword="null"/> for the latest. An older checkpoint
    /// is a fork point: the put uses <see cref="ExpectedHead.Any"/> (the head moved on, so there is nothing to fence on;
    /// a writer in another process may interleave) and an id that sorts after the head.</param>
    /// <param name="metadata">Extra pairs stored with the checkpoint; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new checkpoint as a snapshot.</returns>
    /// <remarks>The new checkpoint starts with no pending writes, so an interrupt or failure recorded against the base
    /// is left behind: pass the paused node as <paramref name="asNode"/> to skip it, or leave it <see langword="null"/>
    /// so <see cref="ContinueAsync"/> runs it afresh. On a thread without checkpoints this writes the first one.</remarks>
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is empty, <paramref name="asNode"/> is not a node
    /// of the graph, or the checkpoint does not exist.</exception>
    /// <exception cref="InvalidOperationException">A write's key is not in the graph's schema.</exception>
    /// <exception cref="GraphExecutionException"><paramref name="asNode"/>'s router picked an undeclared target.</exception>
    /// <exception cref="CheckpointConflictException">Another writer advanced the thread (updates of the latest checkpoint only).</exception>
    public async Task<StateSnapshot> UpdateStateAsync(
        string threadId,
        IEnumerable<StateWrite> writes,
        NodeName? asNode = null,
        string? fromCheckpointId = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        ArgumentNullException.ThrowIfNull(writes);
        if (asNode is { } node && !_graph.Contains(node))
        {
            throw new ArgumentException($"The node '{node}' is not part of the graph; pass one of its nodes, or null to keep the next nodes.", nameof(asNode));
        }

        var edits = writes.ToList();
        using var turn = await _gate.EnterAsync(threadId, cancellationToken).ConfigureAwait(false);
        _latest.Evict(threadId);
        var scope = RootScope(threadId, metadata, GraphEventSink.None);
        var head = await _saver.GetTupleAsync(new CheckpointConfig(threadId), cancellationToken).ConfigureAwait(false);
        if (head is null && fromCheckpointId is not null)
        {
            throw new ArgumentException($"Checkpoint '{fromCheckpointId}' does not exist in thread '{threadId}', which has no checkpoints.", nameof(fromCheckpointId));
        }

        var target = head is null ? null : await LoadAsync(head, fromCheckpointId, cancellationToken).ConfigureAwait(false);
        var start = At(scope, target);
        var state = start.State.Apply(edits);
        var next = asNode is { } ran ? NextNode(_graph, ran, NodeResult.Continue(), state) : start.Current;
        var fork = target is not null && !string.Equals(target.Checkpoint.Id, head!.Checkpoint.Id, StringComparison.Ordinal);
        if (fork)
        {
            start = start with { Fence = ExpectedHead.Any, SortAfter = head!.Checkpoint.Id };
        }

        var source = fork ? CheckpointMetadata.ForkSource : CheckpointMetadata.UpdateSource;
        var saved = await SaveAsync(scope, start, state, next, asNode, source, cancellationToken).ConfigureAwait(false);
        var tuple = await _saver.GetTupleAsync(saved.Parent, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Checkpoint '{saved.CheckpointId}' was stored but cannot be read back; check the checkpoint store.");
        return Snapshot(_graph, tuple);
    }
}
