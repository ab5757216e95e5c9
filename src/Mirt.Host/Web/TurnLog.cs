using Mirt.Sales.Assistant;

namespace Mirt.Host.Web;

/// <summary>
/// Logs one line per turn (<c>turn_degraded</c> with its reason for a rule-only reply, <c>turn_llm</c> for the
/// model's validated reply) and any escalation, for both the webhook and the CLI.
/// </summary>
internal static class TurnLog
{
    public static void Write(ILogger logger, AssistantReply reply)
    {
        if (reply.Degraded)
        {
            HostLog.TurnDegraded(logger, reply.ThreadId, reply.Release, reply.State, reply.Phase, reply.Intent, reply.LatencyMs, reply.DegradedReason ?? "no_llm");
        }
        else
        {
            HostLog.TurnAnswered(logger, reply.ThreadId, reply.Release, reply.State, reply.Phase, reply.Intent, reply.LatencyMs);
        }
        if (reply.Escalation is { } escalation)
        {
            HostLog.Escalation(logger, reply.ThreadId, escalation.Level, escalation.Reason);
        }
    }
}
