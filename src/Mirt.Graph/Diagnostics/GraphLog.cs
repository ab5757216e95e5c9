using Microsoft.Extensions.Logging;

namespace Mirt.Graph.Diagnostics;

/// <summary>
/// Writes the runtime's log markers with stable event names, the ones the runbook's grep recipes search for.
/// </summary>
internal static partial class GraphLog
{
    [LoggerMessage(EventId = 101, EventName = "agent_step", Level = LogLevel.Information,
        Message = "agent_step node={Node} step={Step} ms={Ms}")]
    public static partial void AgentStep(ILogger logger, string node, int step, double ms);

    [LoggerMessage(EventId = 102, EventName = "agent_step_failed", Level = LogLevel.Warning,
        Message = "agent_step_failed node={Node} step={Step} ms={Ms} error={Error}")]
    public static partial void AgentStepFailed(ILogger logger, string node, int step, double ms, string error);

    [LoggerMessage(EventId = 103, EventName = "checkpointer", Level = LogLevel.Information,
        Message = "checkpointer operation={Operation} ms={Ms} bytes={Bytes}")]
    public static partial void Checkpointer(ILogger logger, string operation, double ms, long bytes);

    [LoggerMessage(EventId = 104, EventName = "checkpointer_failed", Level = LogLevel.Warning,
        Message = "checkpointer_failed operation={Operation} ms={Ms} error={Error}")]
    public static partial void CheckpointerFailed(ILogger logger, string operation, double ms, string error);
}
