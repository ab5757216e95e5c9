using Mirt.Llm.Errors;

namespace Mirt.Llm.Retry;

/// <summary>
/// Configures <see cref="RetryChatClient"/>: how many times a transient failure is retried on the same model, and how
/// long to wait in between.
/// </summary>
/// <remarks>Few, short retries: the whole call shares one deadline (6 s by default), and a fallback model follows
/// when the primary still fails. Immutable; validated once when added to a pipeline.</remarks>
public sealed record RetryOptions
{
    /// <summary>Gets the most retries after the first attempt (0–5; 0 turns retrying off).</summary>
    /// <value>The default is 1 retry.</value>
    public int MaxRetries { get; init; } = 1;

    /// <summary>Gets the base wait before a retry in milliseconds (0–10 000); the n-th wait is about 2^(n-1) times this,
    /// randomised when <see cref="UseJitter"/> is on.</summary>
    /// <value>The default is 200 ms.</value>
    public int BaseDelayMs { get; init; } = 200;

    /// <summary>Gets the longest wait before a retry in milliseconds (0–10 000, at least <see cref="BaseDelayMs"/>).</summary>
    /// <value>The default is 1 000 ms.</value>
    public int MaxDelayMs { get; init; } = 1_000;

    /// <summary>Gets a value indicating whether waits are randomised, so clients that failed together do not retry together.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool UseJitter { get; init; } = true;

    /// <summary>Gets which failures are retried, or <see langword="null"/> for
    /// <see cref="LlmErrorClassifier.IsTransient"/>. A cancellation of the call's token (the caller's or the deadline's)
    /// is never retried, whatever this says.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Func<Exception, bool>? IsTransient { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names every problem.</exception>
    internal void Validate()
    {
        var problems = new List<string>();
        if (MaxRetries is < 0 or > 5)
        {
            problems.Add($"MaxRetries is {MaxRetries} but must be 0–5");
        }

        if (BaseDelayMs is < 0 or > 10_000)
        {
            problems.Add($"BaseDelayMs is {BaseDelayMs} but must be 0–10000");
        }

        if (MaxDelayMs is < 0 or > 10_000 || MaxDelayMs < BaseDelayMs)
        {
            problems.Add($"MaxDelayMs is {MaxDelayMs} but must be {BaseDelayMs}–10000 (at least BaseDelayMs)");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"RetryOptions are invalid: {string.Join("; ", problems)}. Fix the values (the defaults are 1 retry, 200 ms, 1000 ms).", "options");
        }
    }
}
