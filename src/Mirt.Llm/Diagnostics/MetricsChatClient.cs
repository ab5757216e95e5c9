using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Mirt.Llm.Diagnostics;

/// <summary>
/// Records every call in the <c>Mirt.Llm</c> meter (<see cref="LlmTelemetry"/>): its duration in
/// <c>llm_latency_ms{state,intent,model}</c>, a failure in <c>llm_errors{model}</c>, and, when the provider reports
/// usage, <c>llm_tokens{direction,model}</c> and <c>llm_cost_usd{model}</c> priced from an <see cref="LlmPriceTable"/>.
/// </summary>
/// <remarks>
/// <para><c>state</c> and <c>intent</c> come from the call's <see cref="LlmCallProperties.State"/> and
/// <see cref="LlmCallProperties.Intent"/> (<c>unknown</c> when unset); <c>model</c> is the model that answered
/// (<see cref="ChatResponse.ModelId"/>), or the one requested when the call failed.</para>
/// <para>A failed call is timed and counted as an error, so <c>llm_errors / llm_latency_ms_count</c> is the failure
/// ratio the alert rules use. A call the caller cancelled is not recorded at all: it is neither an answer nor an LLM
/// failure. A streamed call is recorded when the stream ends, or when the caller stops reading it.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class MetricsChatClient : DelegatingChatClient
{
    private readonly LlmPriceTable _prices;
    private readonly TimeProvider _time;

    /// <summary>Creates the middleware.</summary>
    /// <param name="innerClient">The client the calls go to.</param>
    /// <param name="prices">The price table; <see langword="null"/> prices every call at 0 USD.</param>
    /// <param name="time">The clock that times calls; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerClient"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="prices"/> is invalid.</exception>
    public MetricsChatClient(IChatClient innerClient, LlmPriceTable? prices = null, TimeProvider? time = null)
        : base(innerClient)
    {
        _prices = prices ?? new LlmPriceTable();
        _prices.Validate();
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var observation = new CallObservation(InnerClient, options);
        var started = _time.GetTimestamp();
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            observation.Observe(response);
            Record(observation, options, started, failed: false);
            return response;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            Record(observation, options, started, failed: true);
            throw;
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var observation = new CallObservation(InnerClient, options);
        var started = _time.GetTimestamp();
        var failed = false;
        var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    failed = true;
                    throw;
                }

                observation.Observe(updates.Current);
                yield return updates.Current;
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
            if (failed || !cancellationToken.IsCancellationRequested)
            {
                Record(observation, options, started, failed);
            }
        }
    }

    private void Record(CallObservation observation, ChatOptions? options, long started, bool failed)
    {
        var model = observation.ModelLabel;
        LlmTelemetry.RecordCall(model, LlmCallProperties.StateOf(options), LlmCallProperties.IntentOf(options), _time.GetElapsedTime(started).TotalMilliseconds);
        if (failed)
        {
            LlmTelemetry.RecordError(model);
            return;
        }

        if (observation.Usage is { } usage)
        {
            var input = usage.InputTokenCount ?? 0;
            var output = usage.OutputTokenCount ?? 0;
            var cost = _prices.Find(model)?.CostUsd(input, output, usage.CachedInputTokenCount ?? 0) ?? 0m;
            LlmTelemetry.RecordUsage(model, Math.Max(input, 0), Math.Max(output, 0), (double)cost);
        }
    }
}
