namespace Mirt.Host.Cli;

/// <summary>
/// Names what <c>mirt canary status</c> advises; the value is the process exit code.
/// </summary>
public enum CanaryVerdict
{
    /// <summary>The canary is as healthy as stable: raise <c>MIRT_CANARY_PERCENT</c> or make its prompts stable.</summary>
    Promote = 0,

    /// <summary>The canary breaks a threshold: set <c>MIRT_CANARY_PERCENT=0</c> (and empty <c>MIRT_CANARY_ALLOW</c>).</summary>
    Rollback = 3,

    /// <summary>A release has fewer turns than <c>--min-turns</c>: ask again later.</summary>
    Wait = 4,
}
