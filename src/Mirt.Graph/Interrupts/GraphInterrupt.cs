using Mirt.Graph.Execution;

namespace Mirt.Graph.Interrupts;

/// <summary>
/// Describes a pause a node asked for with <see cref="NodeResult.Interrupt"/>: the graph waits for a human decision
/// before that node runs again.
/// </summary>
/// <param name="Id">Identifies the interrupt: <c>checkpointId:node:sequence</c>, where the sequence counts the interrupts
/// the same node raised from the same checkpoint (0 for the first, 1 when it interrupted again while resuming…).</param>
/// <param name="Node">Names the node that paused; the checkpoint's <c>Next</c> still names it.</param>
/// <param name="CheckpointId">Identifies the checkpoint the node started from and the interrupt is stored against.</param>
/// <param name="PayloadJson">Holds the payload the node passed, as UTF-8 JSON text (web defaults: camelCase).</param>
/// <remarks>Immutable.</remarks>
public sealed record GraphInterrupt(string Id, NodeName Node, string CheckpointId, string PayloadJson)
{
    /// <summary>Gets the value the interrupt was answered with as JSON text, or <see langword="null"/> while it waits.</summary>
    public string? ResumeJson { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Execution.GraphRunner.ResumeAsync"/> answered the interrupt
    /// (the resumed run may not have finished yet, for example after a crash).</summary>
    public bool IsAnswered => ResumeJson is not null;

    /// <summary>Gets how many interrupts the node raised from the same checkpoint before this one.</summary>
    internal int Sequence { get; init; }

    /// <summary>Reads the payload as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The payload type the node passed.</typeparam>
    /// <returns>The payload.</returns>
    /// <exception cref="System.Text.Json.JsonException">The payload does not fit <typeparamref name="T"/>.</exception>
    public T? ReadPayload<T>() => PayloadJsonCodec.Deserialize<T>(PayloadJson);
}
