using Microsoft.Extensions.Logging;

namespace Mirt.Graph.Postgres;

/// <summary>Writes the saver's log events with stable names; channel values never appear here.</summary>
internal static partial class PostgresCheckpointLog
{
    [LoggerMessage(EventId = 1, EventName = "checkpoint_slow_operation", Level = LogLevel.Warning,
        Message = "checkpoint operation={Operation} thread={ThreadId} bytes={Bytes} duration_ms={DurationMs} took longer than {ThresholdMs} ms")]
    public static partial void SlowOperation(ILogger logger, string operation, string threadId, long bytes, double durationMs, double thresholdMs);

    [LoggerMessage(EventId = 4, EventName = "checkpoint_slow_operations_suppressed", Level = LogLevel.Warning,
        Message = "checkpoint slow_operations_not_logged={Count} in the previous second (at most {LinesPerSecond} slow-operation lines per second are written)")]
    public static partial void SlowOperationsSuppressed(ILogger logger, int count, int linesPerSecond);

    [LoggerMessage(EventId = 2, EventName = "checkpoint_schema_migrated", Level = LogLevel.Information,
        Message = "checkpoint schema={Schema} migrated from version {From} to {To}")]
    public static partial void SchemaMigrated(ILogger logger, string schema, int from, int to);

    [LoggerMessage(EventId = 3, EventName = "checkpoint_operation_failed", Level = LogLevel.Warning,
        Message = "checkpoint operation={Operation} thread={ThreadId} failed after {DurationMs} ms: PostgreSQL could not be reached or dropped the connection")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception, string operation, string threadId, double durationMs);
}
