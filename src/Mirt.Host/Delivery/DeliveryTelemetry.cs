using System.Diagnostics.Metrics;
using Mirt.Delivery;
using Mirt.Graph.Diagnostics;
using Mirt.Host.Observability;

namespace Mirt.Host.Delivery;

/// <summary>
/// Counts what happens to messages and pushes, on the host's meter (docs/OPERATIONS.md lists every series and the
/// alert rules that read them).
/// </summary>
/// <remarks>Thread-safe. Counters carry the conversation's <c>release</c> label like every other series. The backlog gauges read the figures the outbox pusher last fetched (every few seconds), so a
/// scrape never waits on the database.</remarks>
public static class DeliveryTelemetry
{
    /// <summary>Gets the counter of webhook messages by <c>outcome</c>: <c>accepted</c>, <c>duplicate</c>, <c>held</c>.</summary>
    public const string MessagesName = "delivery_messages_total";

    /// <summary>Gets the counter of webhook answers by <c>kind</c>: <c>reply</c> (inline), <c>ack</c>, <c>empty</c>
    /// (merged into another webhook's turn, push mode, handoff), <c>duplicate</c>.</summary>
    public const string AnswersName = "delivery_answers_total";

    /// <summary>Gets the counter of turns by <c>outcome</c>: <c>completed</c>, <c>resumed</c>, <c>failed_attempt</c>,
    /// <c>given_up</c>.</summary>
    public const string TurnsName = "delivery_turns_total";

    /// <summary>Gets the histogram of messages merged into one turn (debounce).</summary>
    public const string TurnMessagesName = "delivery_turn_messages";

    /// <summary>Gets the counter of push calls by <c>kind</c> (reply, interim, followup) and <c>result</c> (sent,
    /// failed, retry, uncertain).</summary>
    public const string PushesName = "delivery_pushes_total";

    /// <summary>Gets the counter of handoffs by <c>event</c>: <c>started</c>, <c>released</c>.</summary>
    public const string HandoffsName = "delivery_handoffs_total";

    /// <summary>Gets the gauge of inbox messages not yet answered by a finished turn.</summary>
    public const string BacklogMessagesName = "delivery_backlog_messages";

    /// <summary>Gets the gauge of the oldest such message's age, in ms.</summary>
    public const string OldestMessageAgeName = "delivery_oldest_message_age_ms";

    /// <summary>Gets the gauge of outbox rows waiting to be pushed.</summary>
    public const string BacklogPushesName = "delivery_backlog_pushes";

    /// <summary>Gets the gauge of the oldest such row's age, in ms.</summary>
    public const string OldestPushAgeName = "delivery_oldest_push_age_ms";

    /// <summary>Gets the gauge of conversations a human has now.</summary>
    public const string HandedOffName = "delivery_handed_off";

    /// <summary>Gets the gauges that describe the whole store rather than one release's conversations; they are the only
    /// series without a <c>release</c> label.</summary>
    public static IReadOnlyList<string> ProcessWideGauges { get; } = [BacklogMessagesName, OldestMessageAgeName, BacklogPushesName, OldestPushAgeName, HandedOffName];

    private static readonly Counter<long> Messages = HostTelemetry.Meter.CreateCounter<long>(MessagesName, "{message}", "Webhook messages by what the inbox did with them.");
    private static readonly Counter<long> Answers = HostTelemetry.Meter.CreateCounter<long>(AnswersName, "{answer}", "Webhook answers by kind.");
    private static readonly Counter<long> Turns = HostTelemetry.Meter.CreateCounter<long>(TurnsName, "{turn}", "Delivery turns by outcome.");
    private static readonly Histogram<long> TurnMessages = HostTelemetry.Meter.CreateHistogram<long>(TurnMessagesName, "{message}", "Messages merged into one turn.");
    private static readonly Counter<long> Pushes = HostTelemetry.Meter.CreateCounter<long>(PushesName, "{push}", "ManyChat pushes by kind and result.");
    private static readonly Counter<long> Handoffs = HostTelemetry.Meter.CreateCounter<long>(HandoffsName, "{handoff}", "Handoffs started and released.");
    private static DeliveryBacklog _backlog = new(0, 0, 0, 0, 0, 0, 0);

    static DeliveryTelemetry()
    {
        HostTelemetry.Meter.CreateObservableGauge(BacklogMessagesName, () => Volatile.Read(ref _backlog).PendingMessages, "{message}", "Inbox messages pending or in a running turn.");
        HostTelemetry.Meter.CreateObservableGauge(OldestMessageAgeName, () => Volatile.Read(ref _backlog).OldestPendingMessageAgeMs, "ms", "Age of the oldest unanswered inbox message.");
        HostTelemetry.Meter.CreateObservableGauge(BacklogPushesName, () => Volatile.Read(ref _backlog).PendingPushes, "{push}", "Outbox rows waiting to be pushed.");
        HostTelemetry.Meter.CreateObservableGauge(OldestPushAgeName, () => Volatile.Read(ref _backlog).OldestPendingPushAgeMs, "ms", "Age of the oldest outbox row waiting to be pushed.");
        HostTelemetry.Meter.CreateObservableGauge(HandedOffName, () => Volatile.Read(ref _backlog).HandedOff, "{conversation}", "Conversations a human has now.");
    }

    /// <summary>Counts a webhook message.</summary>
    /// <param name="outcome">accepted, duplicate or held.</param>
    internal static void Message(AcceptOutcome outcome) => Messages.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()), TelemetryContext.ReleaseTag);

    /// <summary>Counts a webhook answer.</summary>
    /// <param name="kind">reply, ack, empty or duplicate.</param>
    internal static void Answer(string kind) => Answers.Add(1, new KeyValuePair<string, object?>("kind", kind), TelemetryContext.ReleaseTag);

    /// <summary>Counts a turn outcome.</summary>
    /// <param name="outcome">completed, resumed, failed_attempt or given_up.</param>
    internal static void Turn(string outcome) => Turns.Add(1, new KeyValuePair<string, object?>("outcome", outcome), TelemetryContext.ReleaseTag);

    /// <summary>Records how many messages a turn merged.</summary>
    /// <param name="count">The count.</param>
    internal static void Merged(int count) => TurnMessages.Record(count, TelemetryContext.ReleaseTag);

    /// <summary>Counts a push result.</summary>
    /// <param name="kind">The outbox kind.</param>
    /// <param name="result">The result.</param>
    internal static void Push(string kind, PushResult result) =>
        Pushes.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("result", result.ToString().ToLowerInvariant()), TelemetryContext.ReleaseTag);

    /// <summary>Counts a handoff event.</summary>
    /// <param name="event">started or released.</param>
    internal static void Handoff(string @event) => Handoffs.Add(1, new KeyValuePair<string, object?>("event", @event), TelemetryContext.ReleaseTag);

    /// <summary>Publishes the latest backlog figures for the gauges.</summary>
    /// <param name="backlog">The figures.</param>
    internal static void Publish(DeliveryBacklog backlog) => Volatile.Write(ref _backlog, backlog);
}
