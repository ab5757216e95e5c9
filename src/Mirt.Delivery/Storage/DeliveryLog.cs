using Microsoft.Extensions.Logging;

namespace Mirt.Delivery.Storage;

/// <summary>Writes the store's log events with stable names; message text, photo URLs and reply content never appear here.</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 1, EventName = "delivery_schema_migrated", Level = LogLevel.Information,
        Message = "delivery store={Store} schema migrated from version {From} to {To}")]
    public static partial void SchemaMigrated(ILogger logger, string store, int from, int to);

    [LoggerMessage(EventId = 2, EventName = "delivery_turn_resumed", Level = LogLevel.Information,
        Message = "delivery turn={TurnId} of subscriber={SubscriberId} resumed by owner={Owner}; previous owner={PreviousOwner} let its lease run out")]
    public static partial void TurnResumed(ILogger logger, string turnId, string subscriberId, string owner, string? previousOwner);

    [LoggerMessage(EventId = 3, EventName = "delivery_push_abandoned", Level = LogLevel.Warning,
        Message = "delivery subscriber={SubscriberId} rows={Count} were left sending by owner={PreviousOwner} and are now uncertain (not resent)")]
    public static partial void PushAbandoned(ILogger logger, string subscriberId, int count, string? previousOwner);

    [LoggerMessage(EventId = 4, EventName = "delivery_operation_failed", Level = LogLevel.Warning,
        Message = "delivery store={Store} operation={Operation} failed: the database could not be reached or dropped the connection")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception, string store, string operation);
}
