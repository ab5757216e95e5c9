namespace Mirt.Llm.OpenAI;

/// <summary>
/// Configures the <see cref="Microsoft.Extensions.AI.IChatClient"/> that <see cref="OpenAIChatClientFactory"/>
/// creates over the official OpenAI SDK.
/// </summary>
/// <remarks>
/// The host maps its settings onto this class: <c>MIRT_LLM_ENDPOINT</c> → <see cref="Endpoint"/>,
/// <c>MIRT_LLM_API_KEY</c> → <see cref="ApiKey"/>, <c>MIRT_LLM_MODEL</c> → <see cref="Model"/>
/// (<c>MIRT_LLM_FALLBACK_MODEL</c> is a per-call model override chosen by the fallback middleware, not an option
/// here). The factory reads every value once; changing this instance afterwards has no effect.
/// </remarks>
public sealed class OpenAIChatClientOptions
{
    /// <summary>Gets or sets the base address of an OpenAI-compatible API, including its version segment.</summary>
    /// <value>
    /// The default is <see langword="null"/>, meaning <c>https://api.openai.com/v1</c>. For llama.cpp, vLLM or Ollama
    /// use the server's <c>/v1</c> address, e.g. <c>http://127.0.0.1:8080/v1</c>. Must be absolute http or https.
    /// </value>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets the API key sent as a bearer token.</summary>
    /// <value>
    /// The default is <see langword="null"/>, which the factory rejects: the host reads it from
    /// <c>MIRT_LLM_API_KEY</c>. Servers that check no key still need a non-empty placeholder. Never logged.
    /// </value>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets the model used when a call does not set <see cref="Microsoft.Extensions.AI.ChatOptions.ModelId"/>.</summary>
    /// <value>The default is <see langword="null"/>, which the factory rejects.</value>
    public string? Model { get; set; }

    /// <summary>Gets or sets how long one HTTP attempt may wait for the server before it is abandoned.</summary>
    /// <value>
    /// The default is 15 seconds (the SDK's own default is 100 seconds). It bounds a single attempt, and while
    /// streaming each wait for the next chunk; the turn deadline is the caller's <see cref="CancellationToken"/>.
    /// An elapsed network timeout surfaces as <see cref="LlmNetworkTimeoutException"/>. Must be greater than zero.
    /// </value>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets how many times the SDK itself retries a failed attempt (429, 408 and 5xx, network errors).</summary>
    /// <value>
    /// The default is 0: Mirt's retry middleware decides, within the turn deadline. The SDK's own default of 3
    /// retries that honour <c>Retry-After</c> can exceed a 10-second budget. Must be zero or greater.
    /// </value>
    public int MaxRetries { get; set; }
}
