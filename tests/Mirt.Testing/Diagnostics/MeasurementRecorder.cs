using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mirt.Graph.Diagnostics;

namespace Mirt.Testing.Diagnostics;

/// <summary>
/// Listens to the instruments of some meters and keeps only the measurements of the test that created it. Tests run in
/// parallel in one process and share the static meters, so a measurement is kept when it carries the test's own
/// release label (<see cref="MeasurementRecorder(string, string[])"/>), or when it is recorded inside the test's own
/// trace (<see cref="InOwnTrace"/>, for code that sets the release itself).
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    private static readonly ActivitySource TestSource = new("Mirt.Testing");

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();
    private readonly Func<IReadOnlyDictionary<string, string?>, bool> _keep;
    private ActivityListener? _spans;
    private Activity? _root;

    /// <summary>Starts listening for measurements labelled with one release.</summary>
    /// <param name="release">Keeps only measurements whose <c>release</c> tag is this value; run the test under
    /// <see cref="TelemetryContext.UseRelease"/> with it.</param>
    /// <param name="meterNames">The meters to listen to.</param>
    public MeasurementRecorder(string release, params string[] meterNames)
        : this(tags => tags.GetValueOrDefault(TelemetryTags.Release) == release, meterNames)
    {
    }

    private MeasurementRecorder(Func<IReadOnlyDictionary<string, string?>, bool> keep, string[] meterNames)
    {
        _keep = keep;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (meterNames.Contains(instrument.Meter.Name, StringComparer.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Keep(i, value, tags));
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Keep(i, value, tags));
        _listener.Start();
    }

    /// <summary>Starts a root span for the calling test (it becomes <see cref="Activity.Current"/> of the caller's flow)
    /// and keeps only the measurements recorded inside its trace. Every Mirt activity source is sampled meanwhile.</summary>
    /// <param name="meterNames">The meters to listen to.</param>
    /// <returns>The recorder; disposing it ends the root span.</returns>
    public static MeasurementRecorder InOwnTrace(params string[] meterNames)
    {
        var spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Mirt.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(spans);
        var root = TestSource.StartActivity("test", ActivityKind.Internal, parentContext: default)!;
        var trace = root.TraceId;
        return new MeasurementRecorder(_ => Activity.Current?.TraceId == trace, meterNames) { _spans = spans, _root = root };
    }

    /// <summary>Gets every kept measurement of one instrument, in recording order.</summary>
    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    /// <summary>Adds up one instrument's measurements whose tags include every given pair.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) =>
        Of(instrument).Where(m => tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value)).Sum(m => m.Value);

    public void Dispose()
    {
        _listener.Dispose();
        _root?.Dispose();
        _spans?.Dispose();
    }

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue?.ToString();
        }

        if (_keep(copy))
        {
            _measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, copy));
        }
    }
}

/// <summary>One measurement as recorded.</summary>
/// <param name="Instrument">The instrument name.</param>
/// <param name="Value">The value (a count or milliseconds).</param>
/// <param name="Tags">The tags, values as text.</param>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);
