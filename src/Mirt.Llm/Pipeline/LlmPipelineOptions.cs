using Mirt.Llm.Deadline;
using Mirt.Llm.Diagnostics;
using Mirt.Llm.Fallback;
using Mirt.Llm.Retry;

namespace Mirt.Llm.Pipeline;

/// <summary>
/// Configures the default pipeline <see cref="LlmPipeline.CreateDefault"/> builds: one options record per middleware.
/// </summary>
/// <remarks>Immutable; validated once when the pipeline is built.</remarks>
public sealed record LlmPipelineOptions
{
    /// <summary>Gets the deadline of each call.</summary>
    /// <value>The default is <see cref="DeadlineOptions"/>' defaults: 6 000 ms.</value>
    public DeadlineOptions Deadline { get; init; } = new();

    /// <summary>Gets the retry of transient failures on one model.</summary>
    /// <value>The default is <see cref="RetryOptions"/>' defaults: 1 retry after 200 ms (jittered, at most 1 000 ms).</value>
    public RetryOptions Retry { get; init; } = new();

    /// <summary>Gets the fallback models.</summary>
    /// <value>The default is <see cref="FallbackOptions"/>' defaults: no fallback model.</value>
    public FallbackOptions Fallback { get; init; } = new();

    /// <summary>Gets the price table for <c>llm_cost_usd</c>.</summary>
    /// <value>The default is an empty table: every call costs 0 USD.</value>
    public LlmPriceTable Prices { get; init; } = new();
}
