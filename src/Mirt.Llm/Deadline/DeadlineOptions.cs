namespace Mirt.Llm.Deadline;

/// <summary>
/// Configures <see cref="DeadlineChatClient"/>: how long one LLM call may take, everything below it (retries, fallback
/// models, waits) included.
/// </summary>
/// <remarks>ManyChat gives a Dynamic Block about 10 s and we budget 8 s per turn (<c>shared/MANYCHAT.md</c>); 6 s for
/// the model leaves 2 s for the rest of the turn. Immutable; validated once when added to a pipeline.</remarks>
public sealed record DeadlineOptions
{
    /// <summary>Gets the shortest deadline accepted, in milliseconds.</summary>
    public const int MinTimeoutMs = 10;

    /// <summary>Gets the longest deadline accepted, in milliseconds (10 minutes).</summary>
    public const int MaxTimeoutMs = 600_000;

    /// <summary>Gets how long one call may take in milliseconds (10–600 000), unless the call sets its own
    /// <see cref="LlmCallProperties.DeadlineMs"/>.</summary>
    /// <value>The default is 6 000 ms.</value>
    public int TimeoutMs { get; init; } = 6_000;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it and the allowed range.</exception>
    internal void Validate()
    {
        if (TimeoutMs is < MinTimeoutMs or > MaxTimeoutMs)
        {
            throw new ArgumentException(
                $"DeadlineOptions.TimeoutMs is {TimeoutMs} but must be {MinTimeoutMs}–{MaxTimeoutMs} ms; set a deadline within the turn budget (the default is 6000).",
                "options");
        }
    }
}
