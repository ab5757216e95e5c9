namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Selects checkpoints for <see cref="ICheckpointSaver.ListAsync"/>; every part is optional and the parts combine with AND.
/// </summary>
/// <remarks>Immutable; build one with an object initializer.</remarks>
public sealed record CheckpointQuery
{
    /// <summary>Gets the thread to list, or <see langword="null"/> to list across all threads.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Gets the namespace to list (empty string for the root graph), or <see langword="null"/> for all namespaces.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets one checkpoint id to match exactly, or <see langword="null"/>.</summary>
    public string? CheckpointId { get; init; }

    /// <summary>Gets metadata pairs every returned checkpoint must contain (see <see cref="CheckpointMetadata.ToFlat"/>
    /// for the keys: <c>source</c>, <c>step</c>, <c>node</c> and the extra keys), or <see langword="null"/> for no filter.</summary>
    public IReadOnlyDictionary<string, string>? Filter { get; init; }

    /// <summary>Gets a cursor: only checkpoints whose id sorts before this id are returned; <see langword="null"/> for none.</summary>
    public string? Before { get; init; }

    /// <summary>Gets the most checkpoints to return, or <see langword="null"/> for all; must not be negative.</summary>
    public int? Limit { get; init; }

    /// <summary>Creates a query for the checkpoints of one thread and namespace.</summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="ns">The namespace; empty for the root graph.</param>
    /// <param name="limit">The most to return, or <see langword="null"/> for all.</param>
    /// <returns>The query.</returns>
    public static CheckpointQuery ForThread(string threadId, string ns = "", int? limit = null) =>
        new() { ThreadId = threadId, Namespace = ns, Limit = limit };
}
