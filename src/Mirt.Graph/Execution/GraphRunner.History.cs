using System.Runtime.CompilerServices;
using Mirt.Graph.Building;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.History;
using Mirt.Graph.Interrupts;
using Mirt.Graph.Subgraphs;

namespace Mirt.Graph.Execution;

/// <content>Reads the thread's state and history (time travel).</content>
public sealed partial class GraphRunner
{
    /// <summary>Loads the latest checkpoint of a thread as a snapshot.</summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot, or <see langword="null"/> when the thread has no checkpoint. A snapshot whose
    /// <see cref="StateSnapshot.Next"/> is not empty belongs to an unfinished turn (see <see cref="ContinueAsync"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is empty.</exception>
    /// <exception cref="System.Text.Json.JsonException">A stored value no longer fits its key's type.</exception>
    public async Task<StateSnapshot?> GetStateAsync(string threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        var tuple = await _saver.GetTupleAsync(new CheckpointConfig(threadId), cancellationToken).ConfigureAwait(false);
        return tuple is null ? null : Snapshot(_graph, tuple);
    }

    /// <summary>Loads one checkpoint of a thread's root graph as a snapshot.</summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="checkpointId">The checkpoint.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot, or <see langword="null"/> when the checkpoint does not exist.</returns>
    /// <exception cref="ArgumentException"><paramref name="threadId"/> or <paramref name="checkpointId"/> is empty.</exception>
    /// <exception cref="System.Text.Json.JsonException">A stored value no longer fits its key's type.</exception>
    public async Task<StateSnapshot?> GetStateAsync(string threadId, string checkpointId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpointId);
        var tuple = await _saver.GetTupleAsync(new CheckpointConfig(threadId, CheckpointId: checkpointId), cancellationToken).ConfigureAwait(false);
        return tuple is null ? null : Snapshot(_graph, tuple);
    }

    /// <summary>Lists a thread's checkpoints as snapshots, newest first.</summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="limit">The most snapshots to return (at least 0), or <see langword="null"/> for all.</param>
    /// <param name="beforeCheckpointId">A cursor: only checkpoints whose id sorts before it; <see langword="null"/> for none.</param>
    /// <param name="filter">Metadata pairs every snapshot must contain (see <see cref="CheckpointQuery.Filter"/>), or
    /// <see langword="null"/>.</param>
    /// <param name="ns">The namespace: empty for the root graph, or a subgraph's (see <see cref="SubgraphNamespace"/>),
    /// whose states decode with that subgraph's schema.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The snapshots, newest first; a fork's checkpoints appear in id order beside the branch they left.</returns>
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is empty, or <paramref name="ns"/> names a node
    /// that is not a subgraph.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative.</exception>
    public IAsyncEnumerable<StateSnapshot> GetStateHistoryAsync(
        string threadId,
        int? limit = null,
        string? beforeCheckpointId = null,
        IReadOnlyDictionary<string, string>? filter = null,
        string ns = "",
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        ArgumentNullException.ThrowIfNull(ns);
        if (limit is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(limit));
        }

        var graph = GraphOf(ns);
        var query = new CheckpointQuery { ThreadId = threadId, Namespace = ns, Limit = limit, Before = beforeCheckpointId, Filter = filter };
        return ListAsync(graph, query, cancellationToken);
    }

    private async IAsyncEnumerable<StateSnapshot> ListAsync(ConversationGraph graph, CheckpointQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var tuple in _saver.ListAsync(query, cancellationToken).ConfigureAwait(false))
        {
            yield return Snapshot(graph, tuple);
        }
    }

    /// <summary>Finds the graph that runs in a namespace by following its subgraph nodes from the root.</summary>
    private ConversationGraph GraphOf(string ns)
    {
        var graph = _graph;
        foreach (var node in SubgraphNamespace.NodePath(ns))
        {
            graph = graph.GetSubgraph(node)
                ?? throw new ArgumentException($"The namespace '{ns}' passes through '{node}', which is not a subgraph node of this graph.", nameof(ns));
        }

        return graph;
    }

    private static StateSnapshot Snapshot(ConversationGraph graph, CheckpointTuple tuple) => new(
        tuple.Config.ThreadId,
        tuple.Config.Namespace,
        tuple.Checkpoint.Id,
        tuple.ParentConfig?.CheckpointId,
        tuple.Checkpoint.Step,
        tuple.Checkpoint.CreatedAt,
        graph.Schema.Deserialize(tuple.Checkpoint),
        tuple.Checkpoint.Next.Select(n => new NodeName(n)).ToList(),
        tuple.Metadata,
        tuple.Checkpoint.GraphVersion,
        tuple.PendingWrites,
        InterruptRecords.Find(tuple),
        ErrorRecords.Find(tuple));
}
