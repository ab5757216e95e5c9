using System.Globalization;
using Microsoft.Extensions.AI;
using Mirt.Llm.Deadline;
using Mirt.Llm.Diagnostics;
using Mirt.Llm.Fallback;
using Mirt.Llm.OpenAI;
using Mirt.Llm.Pipeline;

namespace Mirt.Host.Settings;

/// <summary>
/// Holds the LLM settings (<c>MIRT_LLM_*</c>) and builds the chat client the assistant uses: our OpenAI adapter
/// wrapped in the default middleware (logging → metrics → deadline → fallback → retry). No endpoint means no LLM:
/// the assistant runs in degraded (rule-only) mode and says so.
/// </summary>
/// <param name="Endpoint">Any OpenAI-compatible server (<c>MIRT_LLM_ENDPOINT</c>, e.g. <c>https://api.openai.com/v1</c>
/// or a local llama.cpp server's <c>http://127.0.0.1:8081/v1</c>); none by default.</param>
/// <param name="ApiKey">The bearer key (<c>MIRT_LLM_API_KEY</c>), from the environment only; <c>none</c> when unset,
/// for local servers that check no key.</param>
/// <param name="Model">The primary model (<c>MIRT_LLM_MODEL</c>); required with an endpoint.</param>
/// <param name="FallbackModel">The model tried when the primary fails (<c>MIRT_LLM_FALLBACK_MODEL</c>); none by default.</param>
/// <param name="DeadlineMs">The budget of one LLM call in milliseconds, retries and fallback included
/// (<c>MIRT_LLM_DEADLINE_MS</c>); default 6,000 so an 8 s ManyChat turn budget holds (MANYCHAT.md).</param>
/// <param name="TurnDeadlineMs">The budget of a turn's whole reply step in milliseconds, every call and the repair
/// included (<c>MIRT_LLM_TURN_DEADLINE_MS</c>); default 7,000, inside ManyChat's ~10 s for the whole turn.</param>
/// <param name="NetworkTimeoutMs">The HTTP timeout of one request in milliseconds (<c>MIRT_LLM_NETWORK_TIMEOUT_MS</c>);
/// default 4,000, below the deadline, so a hanging primary still leaves time for the fallback model.</param>
/// <param name="Prices">USD per million input and output tokens per model (<c>MIRT_LLM_PRICES</c>, e.g.
/// <c>gpt-4o-mini=0.15/0.60,gpt-4o=2.50/10.00</c>); empty by default, so <c>llm_cost_usd</c> reads 0.</param>
public sealed record LlmSettings(
    Uri? Endpoint,
    string? ApiKey,
    string? Model,
    string? FallbackModel,
    int DeadlineMs,
    int TurnDeadlineMs,
    int NetworkTimeoutMs,
    LlmPriceTable Prices)
{
    /// <summary>Gets whether an LLM endpoint is configured.</summary>
    public bool IsConfigured => Endpoint is not null;

    /// <summary>Reads the settings.</summary>
    /// <param name="configuration">The host configuration (environment variables included).</param>
    /// <returns>The settings.</returns>
    /// <exception cref="InvalidOperationException">A setting is malformed; the message names it and the fix.</exception>
    public static LlmSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpointText = MirtSettings.Value(configuration, "MIRT_LLM_ENDPOINT");
        Uri? endpoint = null;
        if (endpointText is not null && !Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint))
        {
            throw new InvalidOperationException("MIRT_LLM_ENDPOINT is not an absolute address; use e.g. https://api.openai.com/v1 or http://127.0.0.1:8081/v1.");
        }

        var model = MirtSettings.Value(configuration, "MIRT_LLM_MODEL");
        if (endpoint is not null && model is null)
        {
            throw new InvalidOperationException("MIRT_LLM_ENDPOINT is set but MIRT_LLM_MODEL is not; name the model the server should run.");
        }

        return new LlmSettings(
            endpoint,
            MirtSettings.Value(configuration, "MIRT_LLM_API_KEY"),
            model,
            MirtSettings.Value(configuration, "MIRT_LLM_FALLBACK_MODEL"),
            Milliseconds(configuration, "MIRT_LLM_DEADLINE_MS", 6_000),
            Milliseconds(configuration, "MIRT_LLM_TURN_DEADLINE_MS", 7_000),
            Milliseconds(configuration, "MIRT_LLM_NETWORK_TIMEOUT_MS", 4_000),
            PriceList.Parse(MirtSettings.Value(configuration, "MIRT_LLM_PRICES")));
    }

    /// <summary>Builds the chat client, or returns <see langword="null"/> when no endpoint is configured.</summary>
    /// <param name="logging">Where the middleware logs (no customer text above Trace); <see langword="null"/> for nowhere.</param>
    /// <param name="time">The clock of deadlines and latencies.</param>
    /// <returns>The outermost client of the pipeline; the caller owns and disposes it.</returns>
    /// <exception cref="ArgumentException">A setting is out of range (as the adapter or a middleware says).</exception>
    public IChatClient? CreateClient(ILoggerFactory? logging, TimeProvider time)
    {
        if (Endpoint is null)
        {
            return null;
        }

        var adapter = OpenAIChatClientFactory.Create(
            new OpenAIChatClientOptions
            {
                Endpoint = Endpoint,
                ApiKey = ApiKey ?? "none",
                Model = Model,
                NetworkTimeout = TimeSpan.FromMilliseconds(NetworkTimeoutMs),
                MaxRetries = 0,
            },
            time);
        var options = new LlmPipelineOptions
        {
            Deadline = new DeadlineOptions { TimeoutMs = DeadlineMs },
            Fallback = new FallbackOptions { Models = FallbackModel is null ? [] : [FallbackModel] },
            Prices = Prices,
        };
        return LlmPipeline.CreateDefault(adapter, options, logging, time);
    }

    /// <summary>Gets the reply-step options the assistant's compose node runs with.</summary>
    /// <returns>The options, with <see cref="TurnDeadlineMs"/> as the step's deadline.</returns>
    public Mirt.Nodes.Compose.LlmReplyOptions ToReplyOptions() => new() { Deadline = TimeSpan.FromMilliseconds(TurnDeadlineMs) };

    /// <summary>Describes the settings for the start-up log and <c>/health/ready</c>: host and models, never the key.</summary>
    /// <returns>For example <c>api.openai.com model=gpt-4o-mini fallback=gpt-4o</c>, or <c>none</c>.</returns>
    public string Describe() =>
        Endpoint is null ? "none" : $"{Endpoint.Host}:{Endpoint.Port} model={Model} fallback={FallbackModel ?? "none"}";

    private static int Milliseconds(IConfiguration configuration, string key, int fallback)
    {
        if (MirtSettings.Value(configuration, key) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? ms
            : throw new InvalidOperationException($"{key} is '{text}'; give a whole number of milliseconds above 0.");
    }
}
