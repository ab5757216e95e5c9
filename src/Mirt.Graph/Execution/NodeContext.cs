using Mirt.Graph.Interrupts;
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
/// <remarks>
/// A step that runs again from the same checkpoint — after a crash (<see cref="GraphRunner.ContinueAsync"/>), on a
/// retry of its <see cref="Policies.NodePolicy"/>, or when it is resumed from an interrupt — sees the same
/// <see cref="CheckpointId"/> and therefore derives the same idempotency keys.
/// </remarks>
public sealed record NodeContext(
    string ThreadId,
    NodeName Node,
    int Step,
    GraphState State,
    TimeProvider Time,
    string CheckpointId,
    IServiceProvider Services)
{
    /// <summary>Gets the checkpoint namespace the step runs in: empty for the root graph, see
    /// <see cref="Subgraphs.SubgraphNamespace"/> for subgraphs.</summary>
    /// <value>The default is the empty string (the root graph).</value>
    public string Namespace { get; init; } = string.Empty;

    /// <summary>Gets the value a human answered this node's interrupt with, as JSON text, or <see langword="null"/>
    /// when the node is not being resumed.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? ResumeJson { get; init; }

    /// <summary>Gets a value indicating whether the node runs again to receive the answer to its interrupt.</summary>
    public bool IsResuming => ResumeJson is not null;

    /// <summary>Reads a channel of <see cref="State"/>.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="key">The channel.</param>
    /// <returns>The value or the key's default.</returns>
    public T Get<T>(StateKey<T> key) => State.Get(key);

    /// <summary>Reads the answer to this node's interrupt.</summary>
    /// <typeparam name="T">The type the answer was given as.</typeparam>
    /// <returns>The answer.</returns>
    /// <exception cref="InvalidOperationException">The node is not being resumed (check <see cref="IsResuming"/>).</exception>
    /// <exception cref="System.Text.Json.JsonException">The answer does not fit <typeparamref name="T"/>.</exception>
    public T? ReadResume<T>() => ResumeJson is null
        ? throw new InvalidOperationException($"The node '{Node}' is not being resumed from an interrupt; check NodeContext.IsResuming before reading the answer.")
        : PayloadJsonCodec.Deserialize<T>(ResumeJson);

    /// <summary>Derives a key for a side effect that stays the same when this step is re-run after a crash.</summary>
    /// <param name="purpose">Names the side effect, for example <c>order</c>.</param>
    /// <returns><c>thread/checkpoint/node/purpose</c>.</returns>
    public string IdempotencyKey(string purpose) => $"{ThreadId}/{CheckpointId}/{Node.Value}/{purpose}";
}
