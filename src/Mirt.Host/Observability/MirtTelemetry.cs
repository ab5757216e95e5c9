using Mirt.Graph.Diagnostics;
using Mirt.Llm.Diagnostics;
using Mirt.Sales.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mirt.Host.Observability;

/// <summary>
/// Runs the process's telemetry pipeline: an OpenTelemetry meter provider that aggregates the Mirt meters with the
/// SLO bucket boundaries (<see cref="HistogramBuckets"/>) for <c>GET /metrics</c>, a tracer provider that records the
/// <c>webhook</c>, <c>turn</c> and <c>agent_step</c> spans (so every log line inside them carries a trace id), and
/// OTLP export of both when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
/// <remarks>Create one per process before the first turn runs and dispose it at shutdown (which flushes OTLP).
/// <see cref="Scrape"/> is thread-safe; concurrent scrapes run one at a time.</remarks>
public sealed class MirtTelemetry : IDisposable
{
    /// <summary>Gets the environment variable that turns on OTLP export (the standard OpenTelemetry one; the
    /// exporter also honours <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_EXPORTER_OTLP_HEADERS</c> and the
    /// per-signal variants).</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Gets the service name spans and OTLP metrics are reported under, unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "mirt";

    private static readonly string[] MeterNames = [GraphTelemetry.MeterName, SalesTelemetry.MeterName, LlmTelemetry.MeterName, HostTelemetry.MeterName, "Mirt.*"];

    private static readonly string[] SourceNames = [GraphTelemetry.ActivitySourceName, SalesTelemetry.ActivitySourceName, HostTelemetry.ActivitySourceName, "Microsoft.AspNetCore"];

    private readonly object _scrapeGate = new();
    private readonly SnapshotExporter _snapshots = new();
    private readonly MeterProvider _meters;
    private readonly TracerProvider _tracer;
    private readonly MetricReader _pull;

    private MirtTelemetry(bool otlp)
    {
        OtlpEnabled = otlp;
        _pull = new BaseExportingMetricReader(_snapshots) { TemporalityPreference = MetricReaderTemporalityPreference.Cumulative };
        var resource = ResourceBuilder.CreateDefault().AddService(ServiceName);
        var meters = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(MeterNames).AddReader(_pull);
        foreach (var (instrument, bounds) in HistogramBuckets.ByInstrument)
        {
            meters.AddView(instrument, new ExplicitBucketHistogramConfiguration { Boundaries = [.. bounds] });
        }

        var tracer = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(SourceNames);
        if (otlp)
        {
            meters.AddOtlpExporter();
            tracer.AddOtlpExporter();
        }

        _meters = meters.Build();
        _tracer = tracer.Build();
    }

    /// <summary>Gets a value indicating whether metrics and traces are also exported over OTLP.</summary>
    public bool OtlpEnabled { get; }

    /// <summary>Starts the pipeline.</summary>
    /// <param name="configuration">The configuration; OTLP export is on when <see cref="OtlpEndpointVariable"/> is set in it.</param>
    /// <returns>The running pipeline; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static MirtTelemetry Start(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new MirtTelemetry(!string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]));
    }

    /// <summary>Collects every Mirt metric now (cumulative since the process started).</summary>
    /// <returns>The families with at least one series; an instrument appears after its first measurement.</returns>
    public IReadOnlyList<MetricFamily> Collect()
    {
        lock (_scrapeGate)
        {
            _snapshots.Clear();
            _pull.Collect();
            return _snapshots.Latest;
        }
    }

    /// <summary>Collects every Mirt metric and writes it in the Prometheus text format (see <see cref="PrometheusTextWriter"/>).</summary>
    /// <returns>The exposition text.</returns>
    public string Scrape() => PrometheusTextWriter.Write(Collect());

    /// <inheritdoc />
    public void Dispose()
    {
        _tracer.Dispose();
        _meters.Dispose();
        _snapshots.Dispose();
    }
}
