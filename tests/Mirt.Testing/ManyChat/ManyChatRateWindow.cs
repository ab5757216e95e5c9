namespace Mirt.Testing.ManyChat;

/// <summary>
/// Counts requests in a sliding one-second window, the strictest reading of "N requests per second": no one-second
/// span, wherever it falls, may hold more than the limit. Every request that passed authentication counts, refused or
/// not. Not thread-safe; the stand-in calls it under its lock.
/// </summary>
internal sealed class ManyChatRateWindow
{
    private static readonly TimeSpan Span = TimeSpan.FromSeconds(1);
    private readonly List<DateTimeOffset> _arrivals = [];

    /// <summary>Counts a request arriving at <paramref name="at"/> and says whether it is within the limit.</summary>
    public bool TryEnter(DateTimeOffset at, int limit)
    {
        // Handlers run in parallel, so arrivals may be entered slightly out of order: count by time, not by position.
        _arrivals.RemoveAll(a => a <= at - Span - Span);
        _arrivals.Add(at);
        return _arrivals.Count(a => a > at - Span && a <= at) <= limit;
    }
}
