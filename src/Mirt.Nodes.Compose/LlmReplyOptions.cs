namespace Mirt.Nodes.Compose;

/// <summary>
/// Configures the structured-reply LLM path of the compose node: what the model is shown, how long it may take,
/// how often an invalid answer is repaired and the limits a reply must keep.
/// </summary>
/// <remarks>Immutable once created; <see cref="Validate"/> runs once when the assistant is created.</remarks>
public sealed class LlmReplyOptions
{
    /// <summary>Gets the most transcript lines (customer messages and bot bubbles) the model is shown.</summary>
    /// <value>The default is 20, the last 20 messages.</value>
    public int TranscriptMessages { get; init; } = 20;

    /// <summary>Gets the most UTF-8 bytes of transcript text the model is shown; the newest line always shows.</summary>
    /// <value>The default is 8,000 bytes.</value>
    public int TranscriptBytes { get; init; } = 8_000;

    /// <summary>Gets how many times an invalid answer is sent back with its validation errors before the turn keeps
    /// the rule-only draft.</summary>
    /// <value>The default is 1.</value>
    public int MaxRepairAttempts { get; init; } = 1;

    /// <summary>Gets the time the whole compose step may take, every call and repair included; past it the turn keeps
    /// the rule-only draft (degraded, <c>timeout</c>). ManyChat waits about 10 s for the whole turn.</summary>
    /// <value>The default is 7 seconds.</value>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>Gets the most bubbles a model reply may have (the greeting line is added on top).</summary>
    /// <value>The default is 6, enough for the requisites' separate bubbles.</value>
    public int MaxBubbles { get; init; } = 6;

    /// <summary>Gets the most UTF-8 bytes of one bubble.</summary>
    /// <value>The default is 900; Instagram drops text over 1000 bytes.</value>
    public int MaxBubbleBytes { get; init; } = 900;

    /// <summary>Gets the sampling temperature sent to the model, or <see langword="null"/> for the provider's default.</summary>
    /// <value>The default is 0.3: steady wording, little invention.</value>
    public float? Temperature { get; init; } = 0.3f;

    /// <summary>Gets the most tokens the model may answer with, or <see langword="null"/> for the provider's default.</summary>
    /// <value>The default is 1,500 tokens (six full Ukrainian bubbles and the JSON around them).</value>
    public int? MaxOutputTokens { get; init; } = 1_500;

    /// <summary>Checks every value once.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count or limit is out of range: transcript values below 1,
    /// repairs below 0 or above 3, a deadline not positive, bubbles not in 1..10, a bubble budget not in 16..1000
    /// bytes, a temperature not in 0..2, or output tokens below 1.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TranscriptMessages, 1, nameof(TranscriptMessages));
        ArgumentOutOfRangeException.ThrowIfLessThan(TranscriptBytes, 1, nameof(TranscriptBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRepairAttempts, nameof(MaxRepairAttempts));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRepairAttempts, 3, nameof(MaxRepairAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Deadline, TimeSpan.Zero, nameof(Deadline));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBubbles, 1, nameof(MaxBubbles));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxBubbles, 10, nameof(MaxBubbles));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBubbleBytes, 16, nameof(MaxBubbleBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxBubbleBytes, 1000, nameof(MaxBubbleBytes));
        if (Temperature is { } temperature && !(temperature >= 0 && temperature <= 2))
        {
            throw new ArgumentOutOfRangeException(nameof(Temperature), temperature, "The temperature must be from 0 to 2, or null for the provider's default.");
        }

        if (MaxOutputTokens is { } tokens)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(tokens, 1, nameof(MaxOutputTokens));
        }
    }
}
