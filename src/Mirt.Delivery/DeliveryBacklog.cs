namespace Mirt.Delivery;

/// <summary>
/// Sums up the work waiting in the store, for <c>/metrics</c> gauges and alerts.
/// </summary>
/// <param name="PendingMessages">Inbox messages pending or processing.</param>
/// <param name="OldestPendingMessageAgeMs">The age of the oldest of them, in ms; 0 when none.</param>
/// <param name="PendingPushes">Outbox rows pending or sending.</param>
/// <param name="OldestPendingPushAgeMs">The age of the oldest of them, in ms; 0 when none.</param>
/// <param name="UncertainPushes">Outbox rows in <see cref="OutboxState.Uncertain"/> (ever).</param>
/// <param name="FailedPushes">Outbox rows in <see cref="OutboxState.Failed"/> (ever).</param>
/// <param name="HandedOff">Conversations a human has now.</param>
public sealed record DeliveryBacklog(
    long PendingMessages,
    double OldestPendingMessageAgeMs,
    long PendingPushes,
    double OldestPendingPushAgeMs,
    long UncertainPushes,
    long FailedPushes,
    long HandedOff);
