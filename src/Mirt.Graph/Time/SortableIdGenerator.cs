using System.Security.Cryptography;

namespace Mirt.Graph.Time;

/// <summary>
/// Creates 26-character identifiers that sort by creation time: 12 hex digits of Unix milliseconds, a 6-digit hex
/// counter that orders ids made in the same millisecond, and 8 random hex digits that keep processes apart.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SortableIdGenerator : IIdGenerator
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long _lastMs;
    private int _counter;

    /// <summary>Creates a generator that reads time from <paramref name="time"/>.</summary>
    /// <param name="time">Supplies the current time; <see cref="TimeProvider.System"/> in production.</param>
    /// <exception cref="ArgumentNullException"><paramref name="time"/> is <see langword="null"/>.</exception>
    public SortableIdGenerator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <inheritdoc />
    public string NewId()
    {
        long ms;
        int counter;
        lock (_gate)
        {
            ms = Math.Max(_time.GetUtcNow().ToUnixTimeMilliseconds(), _lastMs);
            _counter = ms == _lastMs ? _counter + 1 : 0;
            _lastMs = ms;
            counter = _counter;
        }

        return string.Create(null, stackalloc char[26], $"{ms:x12}{counter:x6}{RandomNumberGenerator.GetInt32(int.MaxValue):x8}");
    }
}
