namespace Mirt.Testing;

/// <summary>A clock that stands still until a test advances it (Microsoft's FakeTimeProvider is not served here).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private long _ticks;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    // Every read moves the timestamp by 1 ms, so measured latencies are deterministic and non-zero.
    public override long GetTimestamp() => Interlocked.Add(ref _ticks, TimestampFrequency / 1000);

    public void Advance(TimeSpan by) => _now += by;
}
