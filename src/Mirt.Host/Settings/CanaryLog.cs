namespace Mirt.Host.Settings;

/// <summary>
/// Says at start-up which conversations the canary serves, and warns loudly when the drill-only fault delay is on.
/// </summary>
internal static partial class CanaryLog
{
    public static void AtStartup(ILogger logger, CanarySettings canary)
    {
        if (canary.Enabled)
        {
            Serving(logger, canary.Percent, canary.AllowList.Count, canary.PromptsDirectory ?? "(stable's)");
        }

        if (canary.FaultDelayMs > 0)
        {
            FaultDelay(logger, canary.FaultDelayMs);
        }
    }

    [LoggerMessage(EventId = 60, EventName = "canary_serving", Level = LogLevel.Information,
        Message = "canary percent={Percent} allow_listed={AllowListed} prompts={Prompts}; rollback: MIRT_CANARY_PERCENT=0 and empty MIRT_CANARY_ALLOW")]
    private static partial void Serving(ILogger logger, double percent, int allowListed, string prompts);

    [LoggerMessage(EventId = 61, EventName = "canary_fault_delay", Level = LogLevel.Warning,
        Message = "FAULT INJECTION ON: every canary turn waits an extra {DelayMs} ms (MIRT_CANARY_FAULT_DELAY_MS). This is for rollback drills only; unset it in production.")]
    private static partial void FaultDelay(ILogger logger, int delayMs);
}
