using System.Diagnostics;
using Mirt.Graph.Diagnostics;
using Mirt.Nodes.Abstractions.State;
using Mirt.Sales.Assistant;

namespace Mirt.Sales.Diagnostics;

/// <summary>
/// Observes one customer turn: a <c>turn</c> span around it (masked thread, then state, intent, outcome), and the
/// turn-level counters when it ends. Call <see cref="Succeeded"/> or <see cref="Failed"/> once, then dispose.
/// </summary>
internal sealed class TurnTelemetry : IDisposable
{
    // Set by the payment node when it creates an order, and only then (see OrderCreation); moderation reasons all
    // start with this prefix (see ModerationNode).
    private const string OrderPlacedReason = "ORDER_PLACED";
    private const string ModerationReasonPrefix = "MODERATION_";

    private readonly Activity? _span;

    private TurnTelemetry(Activity? span) => _span = span;

    /// <summary>Starts observing a turn; the span is <see langword="null"/> when nobody listens to traces.</summary>
    public static TurnTelemetry Start(string threadId)
    {
        var span = SalesTelemetry.Source.StartActivity(SalesTelemetry.TurnSpan);
        span?.SetTag(TelemetryTags.ThreadHash, ThreadIdMask.Hash(threadId));
        span?.SetTag(TelemetryTags.Release, TelemetryContext.Release);
        return new TurnTelemetry(span);
    }

    /// <summary>Counts an answered turn: its outcome, escalation, order, degraded reply and moderation block.</summary>
    public void Succeeded(AssistantReply reply)
    {
        var release = TelemetryContext.ReleaseTag;
        var outcome = TurnOutcomes.Of(reply);
        SalesTelemetry.TurnCount.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Outcome, outcome), release);
        if (reply.Escalation is { } escalation)
        {
            SalesTelemetry.EscalationCount.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Reason, escalation.Reason), release);
            if (escalation.Reason == OrderPlacedReason)
            {
                SalesTelemetry.OrderCount.Add(1, release);
            }

            if (escalation.Reason.StartsWith(ModerationReasonPrefix, StringComparison.Ordinal))
            {
                SalesTelemetry.ModerationCount.Add(1, release);
            }
        }

        if (reply.Degraded)
        {
            SalesTelemetry.DegradedCount.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Reason, reply.DegradedReason ?? DegradedReasons.NoLlm), release);
        }

        if (_span is not null)
        {
            _span.SetTag(TelemetryTags.State, reply.State);
            _span.SetTag(TelemetryTags.Intent, reply.Intent);
            _span.SetTag(TelemetryTags.Outcome, outcome);
            _span.SetTag(TelemetryTags.Reason, reply.Escalation?.Reason);
        }
    }

    /// <summary>Counts a turn that threw; the span is marked as an error.</summary>
    public void Failed(Exception error)
    {
        SalesTelemetry.TurnCount.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Outcome, TurnOutcomes.Failed), TelemetryContext.ReleaseTag);
        _span?.SetTag(TelemetryTags.Outcome, TurnOutcomes.Failed);
        _span?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
    }

    public void Dispose() => _span?.Dispose();
}
