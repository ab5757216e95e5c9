namespace Mirt.Graph.Execution;

/// <summary>
/// Signals a broken graph contract at run time: a node routed to an undeclared target, or a turn looped too long.
/// </summary>
public sealed class GraphExecutionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GraphExecutionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">A sentence naming the culprit and the fix.</param>
    public GraphExecutionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">A sentence naming the culprit and the fix.</param>
    /// <param name="innerException">The cause.</param>
    public GraphExecutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
