namespace Mirt.Llm.Errors;

/// <summary>
/// Names why the LLM could not answer, as a short lower-case label fit for logs and metric labels (for example the
/// <c>reason</c> of <c>degraded_replies_total</c>). <see cref="LlmErrorClassifier.ReasonOf"/> derives it from an
/// exception.
/// </summary>
/// <param name="Value">The label, for example <c>timeout</c>.</param>
public readonly record struct LlmFailureReason(string Value)
{
    /// <summary>Gets the reason of a call that ran out of its deadline (or a transport timeout).</summary>
    public static LlmFailureReason Timeout { get; } = new("timeout");

    /// <summary>Gets the reason of a call the server refused for its credentials (HTTP 401 or 403): a missing, wrong
    /// or revoked API key, or a model the key may not use.</summary>
    public static LlmFailureReason Auth { get; } = new("auth");

    /// <summary>Gets the reason of a call the server throttled (HTTP 429): rate limit or exhausted quota.</summary>
    public static LlmFailureReason RateLimited { get; } = new("rate_limited");

    /// <summary>Gets the reason of every other failure: a server error, a broken connection, a rejected request.</summary>
    public static LlmFailureReason Error { get; } = new("error");

    /// <summary>Returns the label.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
