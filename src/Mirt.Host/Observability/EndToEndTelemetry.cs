using System.Diagnostics;
using Mirt.Graph.Diagnostics;

namespace Mirt.Host.Observability;

/// <summary>
/// Observes one webhook request: a <c>webhook</c> span from arrival, and, once a turn has answered,
/// <c>end_to_end_latency_ms</c> with the turn's state, intent and release. Start it first thing, call
/// <see cref="Replied"/> when the reply body is ready, dispose it when the request ends.
/// </summary>
public sealed class EndToEndTelemetry : IDisposable
{
    private readonly Activity? _span;
    private readonly long _received;

    private EndToEndTelemetry(Activity? span)
    {
        _span = span;
        _received = Stopwatch.GetTimestamp();
    }

    /// <summary>Starts observing a request that just arrived.</summary>
    /// <returns>The observer; dispose it when the request ends.</returns>
    public static EndToEndTelemetry Start() => new(HostTelemetry.Source.StartActivity(HostTelemetry.WebhookSpan));

    /// <summary>Records the time from arrival to now as the request's end-to-end latency.</summary>
    /// <param name="state">The conversation state after the turn, for example <c>STATE_4_OFFER</c>.</param>
    /// <param name="intent">The intent detected in the turn.</param>
    /// <param name="release">The release that served the turn (<c>stable</c> or <c>canary</c>).</param>
    /// <returns>The latency in milliseconds.</returns>
    /// <exception cref="ArgumentException">A value is empty.</exception>
    public double Replied(string state, string intent, string release)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(intent);
        ArgumentException.ThrowIfNullOrWhiteSpace(release);
        var ms = Stopwatch.GetElapsedTime(_received).TotalMilliseconds;
        HostTelemetry.EndToEnd.Record(
            ms,
            new KeyValuePair<string, object?>(TelemetryTags.State, state),
            new KeyValuePair<string, object?>(TelemetryTags.Intent, intent),
            new KeyValuePair<string, object?>(TelemetryTags.Release, release));
        _span?.SetTag(TelemetryTags.State, state);
        _span?.SetTag(TelemetryTags.Intent, intent);
        _span?.SetTag(TelemetryTags.Release, release);
        return ms;
    }

    /// <summary>Records a delivered turn's end-to-end latency: from its oldest message reaching the webhook to its reply
    /// being ready (inline or in the outbox), debounce included, since the customer waits through it too.</summary>
    /// <param name="milliseconds">The latency in milliseconds.</param>
    /// <param name="state">The conversation state after the turn.</param>
    /// <param name="intent">The intent detected in the turn.</param>
    /// <param name="release">The release that served the turn.</param>
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
    }

    /// <inheritdoc />
    public void Dispose() => _span?.Dispose();
}
