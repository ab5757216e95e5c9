using System.Diagnostics.Metrics;

namespace Mirt.Host.Bench;

/// <summary>
/// Listens to Npgsql's own metrics (meter <c>Npgsql</c>) in this process: every command or batch it sends is one
/// round trip (<c>db.client.operation.duration</c>), the bytes it writes to the server
/// (<c>db.client.operation.npgsql.bytes_written</c>) and the connections its pools hold open
/// (<c>db.client.connection.count</c>, an observable instrument read by <see cref="Observe"/>). The bench's probe
/// connections are left out by their pool name.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class NpgsqlCounters : IDisposable
{
    private const string PoolNameTag = "db.client.connection.pool.name";
    private const string StateTag = "db.client.connection.state";
    private readonly MeterListener _listener = new();
    private readonly object _gate = new();
    private long _commands;
    private long _bytesWritten;
    private long _open;
    private long _openMax;
    private long _busy;
    private long _busyMax;

    /// <summary>Starts listening.</summary>
    public NpgsqlCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name is "db.client.operation.duration" or "db.client.operation.npgsql.bytes_written" or "db.client.connection.count")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument.Name, 1, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.Start();
    }

    /// <summary>Gets how many commands and batches the store's pools sent so far.</summary>
    public long Commands => Interlocked.Read(ref _commands);

    /// <summary>Gets how many bytes the store's pools wrote to the server so far.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Gets the most connections the store's pools held open (idle or in use) at once.</summary>
    public long OpenMax
    {
        get
        {
            lock (_gate)
            {
                return _openMax;
            }
        }
    }

    /// <summary>Gets the most connections the store's pools had in use at once.</summary>
    public long BusyMax
    {
        get
        {
            lock (_gate)
            {
                return _busyMax;
            }
        }
    }

    /// <summary>Reads the pools' connection counts now and keeps the maxima.</summary>
    public void Observe()
    {
        lock (_gate)
        {
            _open = 0;
            _busy = 0;
            _listener.RecordObservableInstruments();
            _openMax = Math.Max(_openMax, _open);
            _busyMax = Math.Max(_busyMax, _busy);
        }
    }

    /// <summary>Forgets the connection maxima seen so far.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _openMax = 0;
            _busyMax = 0;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private static bool IsProbe(ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Tag(tags, PoolNameTag) is { } pool && pool.Contains(PostgresBenchStore.ProbeApplicationName, StringComparison.Ordinal);

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    private void Record(string instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (IsProbe(tags))
        {
            return;
        }

        switch (instrument)
        {
            case "db.client.operation.duration":
                Interlocked.Increment(ref _commands);
                break;
            case "db.client.operation.npgsql.bytes_written":
                Interlocked.Add(ref _bytesWritten, value);
                break;
            default:
                var busy = Tag(tags, StateTag) == "used";
                // Observed values (the current count per pool and state), summed by Observe under its lock.
                lock (_gate)
                {
                    _open += value;
                    if (busy)
                    {
                        _busy += value;
                    }
                }

                break;
        }
    }
}
