namespace Mirt.Host.Observability;

/// <summary>
/// Maps <c>GET /metrics</c>: every Mirt metric in the Prometheus text format 0.0.4, for Prometheus to scrape and for
/// <c>mirt canary status</c> and <c>mirt slo</c> to read.
/// </summary>
public static class MetricsEndpoint
{
    /// <summary>Gets the path of the endpoint.</summary>
    public const string Path = "/metrics";

    /// <summary>Maps <c>GET /metrics</c> to the <see cref="MirtTelemetry"/> registered in the services.</summary>
    /// <param name="app">The application; its services hold a <see cref="MirtTelemetry"/>.</param>
    /// <returns>The application.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="app"/> is <see langword="null"/>.</exception>
    public static WebApplication MapMirtMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Path, (MirtTelemetry telemetry) => Results.Text(telemetry.Scrape(), PrometheusTextWriter.ContentType));
        return app;
    }
}
