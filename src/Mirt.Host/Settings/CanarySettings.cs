using System.Globalization;
using Mirt.Sales.Releases;

namespace Mirt.Host.Settings;

/// <summary>
/// Reads the canary release settings. Rollback is one setting: <c>MIRT_CANARY_PERCENT=0</c> (and an empty
/// <c>MIRT_CANARY_ALLOW</c>) puts every conversation back on stable, mid-conversation, because both releases run the
/// same graph over the same store.
/// </summary>
/// <param name="Percent">The share of conversations on the canary, 0 to 100 (<c>MIRT_CANARY_PERCENT</c>); default 0.</param>
/// <param name="AllowList">Subscriber ids always on the canary (<c>MIRT_CANARY_ALLOW</c>, comma separated); default none.</param>
/// <param name="PromptsDirectory">The canary's prompt set (<c>MIRT_CANARY_PROMPTS_DIR</c>); default stable's.</param>
/// <param name="FaultDelayMs">Extra latency in ms on every canary turn, for rollback drills
/// (<c>MIRT_CANARY_FAULT_DELAY_MS</c>); default 0.</param>
public sealed record CanarySettings(double Percent, IReadOnlyList<string> AllowList, string? PromptsDirectory, int FaultDelayMs)
{
    /// <summary>Gets the settings with no canary.</summary>
    public static CanarySettings Off { get; } = new(0, [], null, 0);

    /// <summary>Gets a value indicating whether any conversation can reach the canary.</summary>
    public bool Enabled => Percent > 0 || AllowList.Count > 0;

    /// <summary>Reads the settings from configuration.</summary>
    /// <param name="configuration">The configuration (environment variables, <c>appsettings.json</c>).</param>
    /// <returns>The settings.</returns>
    /// <exception cref="InvalidOperationException"><c>MIRT_CANARY_PERCENT</c> is not a number from 0 to 100, or
    /// <c>MIRT_CANARY_FAULT_DELAY_MS</c> is not a whole number of at least 0.</exception>
    public static CanarySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var percentText = Value(configuration, "MIRT_CANARY_PERCENT") ?? "0";
        if (!double.TryParse(percentText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent > 100)
        {
            throw new InvalidOperationException($"MIRT_CANARY_PERCENT is '{percentText}'; give a number from 0 to 100 (for example 5 or 2.5), 0 to roll back.");
        }

        var delayText = Value(configuration, "MIRT_CANARY_FAULT_DELAY_MS") ?? "0";
        if (!int.TryParse(delayText, NumberStyles.None, CultureInfo.InvariantCulture, out var delayMs))
        {
            throw new InvalidOperationException($"MIRT_CANARY_FAULT_DELAY_MS is '{delayText}'; give whole milliseconds of at least 0 (0 outside drills).");
        }

        var allow = (Value(configuration, "MIRT_CANARY_ALLOW") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new CanarySettings(percent, allow, Value(configuration, "MIRT_CANARY_PROMPTS_DIR"), delayMs);
    }

    /// <summary>Turns the settings into the assistant's canary options.</summary>
    /// <returns>The options; <see langword="null"/> when no conversation can reach the canary.</returns>
    public CanaryOptions? ToOptions() => Enabled
        ? new CanaryOptions
        {
            Percent = Percent,
            AllowList = AllowList,
            PromptsDirectory = PromptsDirectory,
            FaultDelay = TimeSpan.FromMilliseconds(FaultDelayMs),
        }
        : null;

    private static string? Value(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value ? value.Trim() : null;
}
