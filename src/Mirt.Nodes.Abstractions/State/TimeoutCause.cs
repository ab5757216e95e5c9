namespace Mirt.Nodes.Abstractions.State;

/// <summary>
/// Tells whether a failed model call ran out of time, for the degraded reason <see cref="DegradedReasons.Timeout"/>.
/// </summary>
public static class TimeoutCause
{
    /// <summary>Tells whether <paramref name="exception"/> or anything it wraps is a timeout or a cancellation (the
    /// caller's own cancellation is filtered out before this is asked). Middleware wraps them: a deadline's own
    /// exception over the cancelled call, an adapter's exception over the transport's <see cref="TimeoutException"/>.</summary>
    /// <param name="exception">The exception the chat client threw.</param>
    /// <returns><see langword="true"/> when time ran out somewhere in the chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is <see langword="null"/>.</exception>
    public static bool IsTimeout(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is TimeoutException or OperationCanceledException)
            {
                return true;
            }
        }

        return false;
    }
}
