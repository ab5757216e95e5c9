namespace Mirt.Nodes.Vision;

/// <summary>
/// Configures <see cref="VisionNode"/>: when a photo counts as recognised, how long the model may take and how many
/// photos a conversation remembers.
/// </summary>
public sealed class VisionOptions
{
    /// <summary>Gets the lowest model confidence (0 to 1) at which a photo counts as a recognised catalog model; below
    /// it the customer is told availability is being checked and a manager is alerted.</summary>
    /// <value>The default is 0.75, the threshold DOMAIN.md (Escalation to a human) sets.</value>
    public double MinConfidence { get; init; } = 0.75;

    /// <summary>Gets how long one vision call may take before the node gives up and hands the photo to a manager. The
    /// call carries it as its LLM pipeline deadline (<see cref="Mirt.Nodes.Abstractions.Flow.ChatOptionKeys.DeadlineMs"/>),
    /// so a photo gets its own budget instead of the text reply's. Inline-only hosts keep it inside ManyChat's ~8 s; a
    /// host that can push the reply later may allow much more (the vision p95 target is 35 s).</summary>
    /// <value>The default is 5 seconds; at most 600 seconds.</value>
    public TimeSpan ModelTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the most tokens the model may answer with; the answer is a small JSON object.</summary>
    /// <value>The default is 300 tokens.</value>
    public int MaxOutputTokens { get; init; } = 300;

    /// <summary>Gets how many photo verdicts a conversation keeps for recognising repeated photos (oldest dropped first).</summary>
    /// <value>The default is 16.</value>
    public int MaxRememberedPhotos { get; init; } = 16;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its range: <see cref="MinConfidence"/> not in
    /// (0, 1], <see cref="ModelTimeout"/> not in [10 ms, 600 s], <see cref="MaxOutputTokens"/> or
    /// <see cref="MaxRememberedPhotos"/> below 1.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinConfidence, nameof(MinConfidence));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinConfidence, 1.0, nameof(MinConfidence));
        ArgumentOutOfRangeException.ThrowIfLessThan(ModelTimeout, TimeSpan.FromMilliseconds(10), nameof(ModelTimeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ModelTimeout, TimeSpan.FromSeconds(600), nameof(ModelTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOutputTokens, 1, nameof(MaxOutputTokens));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRememberedPhotos, 1, nameof(MaxRememberedPhotos));
    }
}
