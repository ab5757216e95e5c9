using Mirt.Graph.State;

namespace Mirt.Graph.Execution;

/// <summary>
/// Gives a node what it may read during one step.
/// </summary>
/// <param name="ThreadId">Identifies the conversation thread.</param>
/// <param name="Node">Names the node being run.</param>
/// <param name="Step">Counts the supersteps of the thread, starting at 0.</param>
/// <param name="State">Holds the state as it is before this step.</param>
/// <param name="Time">Supplies the current time.</param>
/// <param name="CheckpointId">Identifies the checkpoint this step starts from; with <see cref="Node"/> and
/// <see cref="Step"/> it derives idempotency keys for side effects (see <see cref="IdempotencyKey"/>).</param>
/// <param name="Services">Resolves services registered by the host; may be an empty provider.</param>
public sealed record NodeContext(
    string ThreadId,
    NodeName Node,
    int Step,
    GraphState State,
    TimeProvider Time,
    string CheckpointId,
    IServiceProvider Services)
{
    /// <summary>Reads a channel of <see cref="State"/>.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="key">The channel.</param>
    /// <returns>The value or the key's default.</returns>
    public T Get<T>(StateKey<T> key) => State.Get(key);

    /// <summary>Derives a key for a side effect that stays the same when this step is re-run after a crash.</summary>
    /// <param name="purpose">Names the side effect, for example <c>order</c>.</param>
    /// <returns><c>thread/checkpoint/node/purpose</c>.</returns>
    public string IdempotencyKey(string purpose) => $"{ThreadId}/{CheckpointId}/{Node.Value}/{purpose}";
}
