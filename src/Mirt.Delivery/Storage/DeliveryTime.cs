namespace Mirt.Delivery.Storage;

/// <summary>Converts the caller's times to the stored form: Unix milliseconds in a 64-bit integer, the same in both databases.</summary>
internal static class DeliveryTime
{
    /// <summary>Converts a time to Unix milliseconds (sub-millisecond parts are dropped).</summary>
    public static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>Converts a duration to whole milliseconds (sub-millisecond parts are dropped).</summary>
    public static long Ms(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMillisecond;

    /// <summary>Converts stored Unix milliseconds back to a UTC time.</summary>
    public static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
