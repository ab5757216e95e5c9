using System.Diagnostics;
using Mirt.Graph.Diagnostics;

namespace Mirt.Host.Observability;

/// <summary>
/// Observes the customer's wait: a <c>webhook</c> span per ManyChat request (<see cref="Start"/>), and
/// <c>end_to_end_latency_ms</c> per delivered turn (<see cref="RecordTurn"/>), recorded where the turn's reply becomes
/// ready, since with debounce and push the webhook that answers is not always the one that waited.
/// </summary>
public sealed class EndToEndTelemetry : IDisposable
{
    private readonly Activity? _span;

    private EndToEndTelemetry(Activity? span) => _span = span;

    /// <summary>Starts the span of a request that just arrived.</summary>
    /// <returns>The observer; dispose it when the request ends.</returns>
    public static EndToEndTelemetry Start() => new(HostTelemetry.Source.StartActivity(HostTelemetry.WebhookSpan));

    /// <summary>Records a delivered turn's end-to-end latency: from its oldest message reaching the webhook to its reply
    /// being ready (inline or in the outbox), debounce included, since the customer waits through it too.</summary>
    /// <param name="milliseconds">The latency in milliseconds.</param>
    /// <param name="state">The conversation state after the turn, for example <c>STATE_4_OFFER</c>.</param>
    /// <param name="intent">The intent detected in the turn.</param>
    /// <param name="release">The release that served the turn (<c>stable</c> or <c>canary</c>).</param>
    /// <exception cref="ArgumentException">A value is empty.</exception>
    public static void RecordTurn(double milliseconds, string state, string intent, string release)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(intent);
        ArgumentException.ThrowIfNullOrWhiteSpace(release);
        HostTelemetry.EndToEnd.Record(
            milliseconds,
            new KeyValuePair<string, object?>(TelemetryTags.State, state),
            new KeyValuePair<string, object?>(TelemetryTags.Intent, intent),
            new KeyValuePair<string, object?>(TelemetryTags.Release, release));
        Activity.Current?.SetTag(TelemetryTags.State, state);
        Activity.Current?.SetTag(TelemetryTags.Intent, intent);
    }

    /// <inheritdoc />
    public void Dispose() => _span?.Dispose();
}
