namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Fences a <see cref="ICheckpointSaver.PutAsync"/>: states which checkpoint must still be the thread's latest in the
/// namespace when the write commits (compare-and-set on the thread's head).
/// </summary>
/// <remarks>The default value is <see cref="Any"/>. Two writers that loaded the same head and both put a child with
/// <see cref="Is"/> race safely: exactly one commits, the other gets <see cref="CheckpointConflictException"/>.</remarks>
public readonly record struct ExpectedHead
{
    private ExpectedHead(ExpectedHeadKind kind, string? checkpointId)
    {
        Kind = kind;
        CheckpointId = checkpointId;
    }

    /// <summary>Gets an expectation that does not check the head (forks and imports).</summary>
    public static ExpectedHead Any => default;

    /// <summary>Gets an expectation that the thread holds no checkpoint yet in the namespace.</summary>
    public static ExpectedHead None => new(ExpectedHeadKind.None, null);

    /// <summary>Gets what is expected.</summary>
    public ExpectedHeadKind Kind { get; }

    /// <summary>Gets the expected latest checkpoint id when <see cref="Kind"/> is <see cref="ExpectedHeadKind.Checkpoint"/>.</summary>
    public string? CheckpointId { get; }

    /// <summary>Creates an expectation that <paramref name="checkpointId"/> is the latest checkpoint.</summary>
    /// <param name="checkpointId">The expected latest id; <see langword="null"/> means <see cref="None"/>.</param>
    /// <returns>The expectation.</returns>
    public static ExpectedHead Is(string? checkpointId) =>
        checkpointId is null ? None : new(ExpectedHeadKind.Checkpoint, checkpointId);

    /// <summary>Tells whether a thread whose latest checkpoint is <paramref name="actualHead"/> meets the expectation.</summary>
    /// <param name="actualHead">The latest checkpoint id, or <see langword="null"/> when the thread has none.</param>
    /// <returns><see langword="true"/> when the put may proceed.</returns>
    public bool IsMetBy(string? actualHead) => Kind switch
    {
        ExpectedHeadKind.None => actualHead is null,
        ExpectedHeadKind.Checkpoint => string.Equals(actualHead, CheckpointId, StringComparison.Ordinal),
        _ => true,
    };
}

/// <summary>Names what an <see cref="ExpectedHead"/> expects.</summary>
public enum ExpectedHeadKind
{
    /// <summary>Anything: no check.</summary>
    Any = 0,

    /// <summary>No checkpoint in the thread and namespace.</summary>
    None = 1,

    /// <summary>A given checkpoint is the latest.</summary>
    Checkpoint = 2,
}
