namespace Mirt.Graph.Interrupts;

/// <summary>
/// Reports that a thread is paused on an interrupt, so a new turn (or a plain continue) cannot start: answer it with
/// <see cref="Execution.GraphRunner.ResumeAsync"/>, or finish an answered one with <see cref="Execution.GraphRunner.ContinueAsync"/>.
/// </summary>
public sealed class PendingInterruptException : Exception
{
    /// <summary>Creates the exception for a paused thread.</summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="interrupt">The interrupt it waits on.</param>
    public PendingInterruptException(string threadId, GraphInterrupt interrupt)
        : base(Describe(threadId, interrupt))
    {
        ArgumentNullException.ThrowIfNull(interrupt);
        ThreadId = threadId;
        Interrupt = interrupt;
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public PendingInterruptException(string message)
        : base(message)
    {
        ThreadId = string.Empty;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PendingInterruptException(string message, Exception innerException)
        : base(message, innerException)
    {
        ThreadId = string.Empty;
    }

    /// <summary>Creates the exception without details.</summary>
    public PendingInterruptException()
        : this("The thread is paused on an interrupt; answer it with GraphRunner.ResumeAsync.")
    {
    }

    /// <summary>Gets the paused thread.</summary>
    public string ThreadId { get; }

    /// <summary>Gets the interrupt the thread waits on, or <see langword="null"/> when the exception was built from a message.</summary>
    public GraphInterrupt? Interrupt { get; }

    private static string Describe(string threadId, GraphInterrupt interrupt) => interrupt switch
    {
        null => $"Thread '{threadId}' is paused on an interrupt.",
        { IsAnswered: true } => $"Thread '{threadId}' was resumed from interrupt '{interrupt.Id}' at node '{interrupt.Node}', but the resumed run did not finish; finish it with GraphRunner.ContinueAsync before starting a new turn.",
        _ => $"Thread '{threadId}' is paused at node '{interrupt.Node}' waiting for a human decision (interrupt '{interrupt.Id}'); answer it with GraphRunner.ResumeAsync before starting a new turn.",
    };
}
