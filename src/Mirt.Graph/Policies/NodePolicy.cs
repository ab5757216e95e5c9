using Mirt.Graph.Execution;

namespace Mirt.Graph.Policies;

/// <summary>
/// Says how a node is retried and how long one attempt may take; attach it with
/// <see cref="Building.GraphBuilder.AddNode(Execution.NodeName, Execution.INode, NodePolicy)"/>.
/// </summary>
/// <remarks>
/// <para>Order: the retry wraps the timeout, so <see cref="TimeoutMs"/> limits each attempt, not the whole node.</para>
/// <para>The timeout is cooperative: it cancels the token the node receives, and an attempt ends only when the node
/// observes it. A timed-out attempt throws Polly's <c>TimeoutRejectedException</c>, which the default
/// <see cref="RetryOn"/> retries.</para>
/// <para>A node that still fails after <see cref="MaxAttempts"/> fails the turn with <see cref="GraphExecutionException"/>
/// and records a <see cref="Checkpoints.WriteChannels.Error"/> pending write. Every attempt sees the same
/// <see cref="NodeContext"/>, so idempotency keys stay the same across attempts.</para>
/// <para>Immutable; validated once when added to a builder.</para>
/// </remarks>
public sealed record NodePolicy
{
    private const int MaxMs = 86_400_000;

    /// <summary>Gets how many times the node is tried in all, the first attempt included (1 = no retry).</summary>
    /// <value>The default is 1 attempt.</value>
    public int MaxAttempts { get; init; } = 1;

    /// <summary>Gets how the wait between attempts grows.</summary>
    /// <value>The default is <see cref="NodeBackoff.Exponential"/>.</value>
    public NodeBackoff Backoff { get; init; } = NodeBackoff.Exponential;

    /// <summary>Gets the base wait between attempts in milliseconds (0–86 400 000).</summary>
    /// <value>The default is 200 ms.</value>
    public int BaseDelayMs { get; init; } = 200;

    /// <summary>Gets the longest wait between attempts in milliseconds, or <see langword="null"/> for no cap.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public int? MaxDelayMs { get; init; }

    /// <summary>Gets a value indicating whether waits are randomised around the backoff (keep it off in golden tests).</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool UseJitter { get; init; }

    /// <summary>Gets which exceptions are retried, or <see langword="null"/> for every exception except
    /// <see cref="OperationCanceledException"/>. A cancelled turn is never retried.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Func<Exception, bool>? RetryOn { get; init; }

    /// <summary>Gets how long one attempt may take in milliseconds (10–86 400 000), or <see langword="null"/> for no limit.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public int? TimeoutMs { get; init; }

    /// <summary>Creates a policy that tries a node up to <paramref name="maxAttempts"/> times with exponential backoff.</summary>
    /// <param name="maxAttempts">The attempts in all, at least 1.</param>
    /// <param name="baseDelayMs">The first wait in milliseconds.</param>
    /// <returns>The policy.</returns>
    public static NodePolicy Retry(int maxAttempts, int baseDelayMs = 200) => new() { MaxAttempts = maxAttempts, BaseDelayMs = baseDelayMs };

    /// <summary>Creates a policy that limits each attempt to <paramref name="timeoutMs"/> without retrying.</summary>
    /// <param name="timeoutMs">The limit in milliseconds (10–86 400 000).</param>
    /// <returns>The policy.</returns>
    public static NodePolicy Timeout(int timeoutMs) => new() { TimeoutMs = timeoutMs };

    /// <summary>Checks the values, naming the node in the message.</summary>
    /// <param name="node">The node the policy is for.</param>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    internal void Validate(NodeName node)
    {
        var problems = new List<string>();
        if (MaxAttempts < 1)
        {
            problems.Add($"MaxAttempts is {MaxAttempts} but must be at least 1");
        }

        if (BaseDelayMs is < 0 or > MaxMs)
        {
            problems.Add($"BaseDelayMs is {BaseDelayMs} but must be 0–{MaxMs}");
        }

        if (MaxDelayMs is { } cap && (cap < 0 || cap > MaxMs))
        {
            problems.Add($"MaxDelayMs is {cap} but must be 0–{MaxMs}");
        }

        if (TimeoutMs is { } timeout && (timeout < 10 || timeout > MaxMs))
        {
            problems.Add($"TimeoutMs is {timeout} but must be 10–{MaxMs}");
        }

        if (!Enum.IsDefined(Backoff))
        {
            problems.Add($"Backoff {(int)Backoff} is not defined");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"The policy of node '{node}' is invalid: {string.Join("; ", problems)}.", nameof(node));
        }
    }

    /// <summary>Tells whether an exception is retried.</summary>
    /// <param name="exception">The exception an attempt threw.</param>
    /// <returns><see langword="true"/> to try again.</returns>
    internal bool ShouldRetry(Exception exception) => RetryOn?.Invoke(exception) ?? exception is not OperationCanceledException;
}
