using Mirt.Sales.Assistant;

namespace Mirt.Host.Web;

/// <summary>
/// Logs one line per turn (degraded mode said every time) and any escalation, for both the webhook and the CLI.
/// </summary>
internal static class TurnLog
{
    public static void Write(ILogger logger, AssistantReply reply)
    {
        HostLog.TurnDegraded(logger, reply.ThreadId, reply.Release, reply.State, reply.Phase, reply.Intent, reply.LatencyMs);
        if (reply.Escalation is { } escalation)
        {
            HostLog.Escalation(logger, reply.ThreadId, escalation.Level, escalation.Reason);
        }
    }
}
