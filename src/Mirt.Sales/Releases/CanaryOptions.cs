namespace Mirt.Sales.Releases;

/// <summary>
/// Configures the canary release: which conversations it serves and which prompt set it renders. Stable and canary
/// run the same graph over the same store, so turning the canary off (<see cref="Percent"/> 0, empty
/// <see cref="AllowList"/>) moves its conversations back to stable mid-conversation without breaking them.
/// </summary>
public sealed class CanaryOptions
{
    /// <summary>Gets the share of conversations served by the canary, in percent (<c>MIRT_CANARY_PERCENT</c>), from 0 to
    /// 100 with up to two decimals; a conversation's share bucket comes from a hash of its thread id, so raising the
    /// percentage only adds conversations to the canary.</summary>
    /// <value>The default is 0: no conversation is on the canary unless allow-listed.</value>
    public double Percent { get; init; }

    /// <summary>Gets the thread (subscriber) ids always served by the canary, for testers (<c>MIRT_CANARY_ALLOW</c>).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<string> AllowList { get; init; } = [];

    /// <summary>Gets the canary's prompts directory (<c>MIRT_CANARY_PROMPTS_DIR</c>); it must hold every template the
    /// graph renders, validated at start-up like stable's.</summary>
    /// <value>The default is <see langword="null"/>: the canary renders stable's prompts (useful for drills only).</value>
    public string? PromptsDirectory { get; init; }

    /// <summary>Gets extra latency added to every canary turn, for rollback drills and tests
    /// (<c>MIRT_CANARY_FAULT_DELAY_MS</c>); never set it in normal operation.</summary>
    /// <value>The default is <see cref="TimeSpan.Zero"/>.</value>
    public TimeSpan FaultDelay { get; init; }

    /// <summary>Gets a value indicating whether any conversation can reach the canary.</summary>
    public bool Enabled => Percent > 0 || AllowList.Count > 0;

    /// <summary>Checks the values once, when the assistant is created.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Percent"/> is not in [0, 100], or
    /// <see cref="FaultDelay"/> is negative.</exception>
    internal void Validate()
    {
        if (!(Percent >= 0 && Percent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(Percent), Percent, "The canary percentage must be from 0 to 100 (MIRT_CANARY_PERCENT).");
        }

        if (FaultDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FaultDelay), FaultDelay, "The canary fault delay cannot be negative (MIRT_CANARY_FAULT_DELAY_MS).");
        }
    }
}
