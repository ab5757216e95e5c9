using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mirt.Graph.Diagnostics;

namespace Mirt.Host.Observability;

/// <summary>
/// Names the meter, activity source and instrument of the host: <c>end_to_end_latency_ms{state,intent,release}</c>,
/// from the webhook receiving a message to its reply being ready.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class HostTelemetry
{
    /// <summary>Gets the meter name. The executable's assembly is called <c>mirt</c>; the meter keeps the project name
    /// so the three meters read alike.</summary>
    public const string MeterName = "Mirt.Host";

    /// <summary>Gets the activity source name; it starts one <c>webhook</c> span per ManyChat request.</summary>
    public const string ActivitySourceName = "Mirt.Host";

    /// <summary>Gets the histogram of end-to-end latency in milliseconds, from a turn's oldest message reaching the
    /// webhook to the turn's reply being ready (answered inline or queued for push); labels <c>state</c>, <c>intent</c>,
    /// <c>release</c>. Requests rejected before the inbox are not recorded.</summary>
    public const string EndToEndLatency = "end_to_end_latency_ms";

    /// <summary>Gets the span name of one webhook request.</summary>
    public const string WebhookSpan = "webhook";

    internal static readonly Meter Meter = new(MeterName);

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    internal static readonly Histogram<double> EndToEnd = Meter.CreateHistogram<double>(
        EndToEndLatency, "ms", "Time from a turn's oldest customer message reaching the webhook to its reply being ready.");
}
