namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Reports that a fenced put lost a race: the thread's latest checkpoint was no longer the expected head, so the write
/// was rejected and nothing was stored. Retry by loading the latest checkpoint and running the step again.
/// </summary>
public sealed class CheckpointConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="ns">The namespace.</param>
    /// <param name="expectedHead">The head the writer expected, or <see langword="null"/> for "no checkpoint".</param>
    /// <param name="actualHead">The head found, or <see langword="null"/> when the thread had none.</param>
    public CheckpointConflictException(string threadId, string ns, string? expectedHead, string? actualHead)
        : base($"Another writer advanced thread '{threadId}' (namespace '{ns}'): expected head '{expectedHead ?? "<none>"}' but found '{actualHead ?? "<none>"}'. Nothing was stored; reload the latest checkpoint and retry.")
    {
        ThreadId = threadId;
        Namespace = ns;
        ExpectedHead = expectedHead;
        ActualHead = actualHead;
    }

    /// <summary>Creates the exception with a message only (for serialisers and tests).</summary>
    /// <param name="message">The message.</param>
    public CheckpointConflictException(string message)
        : base(message)
    {
        ThreadId = string.Empty;
        Namespace = string.Empty;
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CheckpointConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        ThreadId = string.Empty;
        Namespace = string.Empty;
    }

    /// <summary>Creates the exception without details.</summary>
    public CheckpointConflictException()
        : this("Another writer advanced the thread; reload the latest checkpoint and retry.")
    {
    }

    /// <summary>Gets the thread.</summary>
    public string ThreadId { get; }

    /// <summary>Gets the namespace.</summary>
    public string Namespace { get; }

    /// <summary>Gets the head the writer expected, or <see langword="null"/> for "no checkpoint".</summary>
    public string? ExpectedHead { get; }

    /// <summary>Gets the head found, or <see langword="null"/> when the thread had none (when known).</summary>
    public string? ActualHead { get; }
}
