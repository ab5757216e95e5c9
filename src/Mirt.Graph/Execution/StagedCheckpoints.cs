using Mirt.Graph.Checkpoints;
using Mirt.Graph.Streaming;

namespace Mirt.Graph.Execution;

/// <summary>Holds a run's node-step checkpoints until they are written together (<see cref="CheckpointDurability.Turn"/>),
/// with the events that announce them, so listeners hear "saved" only once the store has them.</summary>
/// <remarks>Belongs to one run of one thread and namespace; not thread-safe (a run is sequential).</remarks>
internal sealed class StagedCheckpoints
{
    private readonly List<CheckpointPut> _puts = [];
    private readonly List<GraphEvent> _events = [];

    /// <summary>Gets whether nothing waits to be written.</summary>
    public bool IsEmpty => _puts.Count == 0;

    /// <summary>Adds a step's checkpoint and the events to emit once it is stored.</summary>
    public void Add(CheckpointPut put, params ReadOnlySpan<GraphEvent> events)
    {
        _puts.Add(put);
        _events.AddRange(events);
    }

    /// <summary>Writes the staged checkpoints as one chain and emits their events; does nothing when none wait.</summary>
    public async Task FlushAsync(ICheckpointSaver saver, GraphEventSink sink, CancellationToken cancellationToken)
    {
        if (_puts.Count == 0)
        {
            return;
        }

        await saver.PutManyAsync([.. _puts], cancellationToken).ConfigureAwait(false);
        _puts.Clear();
        foreach (var staged in _events)
        {
            sink.Emit(staged);
        }

        _events.Clear();
    }
}
