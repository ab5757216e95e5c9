namespace Mirt.Graph.Time;

/// <summary>
/// Creates identifiers for checkpoints, runs and idempotency keys, so tests can pin them.
/// </summary>
public interface IIdGenerator
{
    /// <summary>Creates a new identifier; identifiers from one generator sort in creation order (ordinal compare).</summary>
    /// <returns>A non-empty identifier of at most 32 ASCII characters.</returns>
    string NewId();

    /// <summary>
    /// Creates a new identifier that sorts after <paramref name="previous"/>, even when <paramref name="previous"/> came
    /// from another process whose clock runs ahead; the graph runner names each checkpoint this way after its parent so a
    /// child is always its thread's latest.
    /// </summary>
    /// <param name="previous">The identifier to sort after, or <see langword="null"/> for none.</param>
    /// <returns>A non-empty identifier that sorts after <paramref name="previous"/> (ordinal compare).</returns>
    /// <remarks>The default implementation appends a fresh id to <paramref name="previous"/> when a plain
    /// <see cref="NewId"/> would not sort after it; <see cref="SortableIdGenerator"/> keeps its fixed length instead.</remarks>
    string NewIdAfter(string? previous)
    {
        var id = NewId();
        return previous is null || string.CompareOrdinal(id, previous) > 0 ? id : previous + "." + id;
    }
}
