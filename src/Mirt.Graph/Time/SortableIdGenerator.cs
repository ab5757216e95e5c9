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
    public string NewId() => NewIdAfter(null);

    /// <inheritdoc />
    /// <remarks>When <paramref name="previous"/> is one of this format from a clock ahead of ours, the generator moves
    /// its own clock reading up to it, so every later id also sorts after it.</remarks>
    public string NewIdAfter(string? previous)
    {
        long ms;
        int counter;
        lock (_gate)
        {
            ms = Math.Max(_time.GetUtcNow().ToUnixTimeMilliseconds(), _lastMs);
            var next = ms == _lastMs ? _counter + 1 : 0;
            if (previous is not null && TryParse(previous, out var previousMs, out var previousCounter)
                && (previousMs > ms || (previousMs == ms && previousCounter >= next)))
            {
                ms = previousMs;
                next = previousCounter + 1;
            }

            _counter = next;
            _lastMs = ms;
            counter = _counter;
        }

        var id = string.Create(null, stackalloc char[26], $"{ms:x12}{counter:x6}{RandomNumberGenerator.GetInt32(int.MaxValue):x8}");
        return previous is null || string.CompareOrdinal(id, previous) > 0 ? id : previous + "." + id;
    }

    private static bool TryParse(string id, out long ms, out int counter)
    {
        ms = 0;
        counter = 0;
        return id.Length == 26
            && long.TryParse(id.AsSpan(0, 12), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out ms)
            && int.TryParse(id.AsSpan(12, 6), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out counter);
    }
}
