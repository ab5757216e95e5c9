namespace Mirt.Graph.Postgres;

/// <summary>
/// Caps the slow-operation log lines at <see cref="LinesPerSecond"/> per one-second window and counts the rest, so an
/// overload is reported without the logging adding to it.
/// </summary>
/// <remarks>Thread-safe; only slow operations reach it, so its lock is off the fast path.</remarks>
internal sealed class SlowLineLimiter
{
    /// <summary>The most slow-operation lines written per second.</summary>
    public const int LinesPerSecond = 10;

    private readonly Lock _lock = new();
    private long _windowStart = long.MinValue;
    private int _written;
    private int _suppressed;

    /// <summary>Decides whether this slow operation gets its line, and hands over the count of lines the window that
    /// just ended held back (0 when none, or when the window has not ended).</summary>
    /// <param name="time">The clock the saver times its operations with.</param>
    /// <returns>Whether to write the line, and how many earlier lines to report as not written.</returns>
    public (bool Write, int SuppressedBefore) Admit(TimeProvider time)
    {
        var now = time.GetTimestamp();
        lock (_lock)
        {
            var suppressedBefore = 0;
            if (_windowStart == long.MinValue || time.GetElapsedTime(_windowStart, now) >= TimeSpan.FromSeconds(1))
            {
                suppressedBefore = _suppressed;
                _windowStart = now;
                _written = 0;
                _suppressed = 0;
            }

            if (_written < LinesPerSecond)
            {
                _written++;
                return (true, suppressedBefore);
            }

            _suppressed++;
            return (false, suppressedBefore);
        }
    }
}
