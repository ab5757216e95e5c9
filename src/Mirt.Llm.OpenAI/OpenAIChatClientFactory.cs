using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Mirt.Llm.OpenAI.Errors;
using OpenAI;
using OpenAIChat = OpenAI.Chat;

namespace Mirt.Llm.OpenAI;

/// <summary>
/// Creates <see cref="IChatClient"/> instances that talk to any OpenAI-compatible chat completions endpoint through
/// the official OpenAI SDK.
/// </summary>
/// <remarks>
/// The returned client is thread-safe and holds no unmanaged resources; create one per endpoint and key and share
/// it. Its <see cref="IChatClient.GetService"/> answers <see cref="ChatClientMetadata"/> (provider <c>openai</c>,
/// the endpoint and the default model) and the inner <see cref="OpenAIChat.ChatClient"/>.
/// </remarks>
public static class OpenAIChatClientFactory
{
    /// <summary>Gets the endpoint used when <see cref="OpenAIChatClientOptions.Endpoint"/> is not set.</summary>
    /// <value><c>https://api.openai.com/v1</c>.</value>
    public static Uri DefaultEndpoint { get; } = new("https://api.openai.com/v1");

    /// <summary>Creates a chat client from <paramref name="options"/>.</summary>
    /// <param name="options">The endpoint, key, default model and transport limits; read once and not kept.</param>
    /// <param name="timeProvider">
    /// The clock used to turn an HTTP-date <c>Retry-After</c> header into a delay; <see cref="TimeProvider.System"/>
    /// when <see langword="null"/>.
    /// </param>
    /// <returns>An <see cref="IChatClient"/> whose errors are <see cref="LlmException"/>s.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is missing or out of range; the message names it and the fix.</exception>
    public static IChatClient Create(OpenAIChatClientOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint ?? DefaultEndpoint;
        var apiKey = options.ApiKey;
        var model = options.Model;
        var networkTimeout = options.NetworkTimeout;
        var maxRetries = options.MaxRetries;
        if (FindProblem(endpoint, apiKey, model, networkTimeout, maxRetries) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var sdkOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = networkTimeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries),
            UserAgentApplicationId = "mirt",
            // Request and response bodies hold customer messages: the SDK must never log them, whoever configures logging.
            ClientLoggingOptions = new ClientLoggingOptions
            {
                EnableLogging = false,
                EnableMessageLogging = false,
                EnableMessageContentLogging = false,
            },
        };
        var chatClient = new OpenAIChat.ChatClient(model, new ApiKeyCredential(apiKey!), sdkOptions);
        var metadata = new ChatClientMetadata(OpenAIChatClient.ProviderName, endpoint, model);
        return new OpenAIChatClient(chatClient, metadata, new LlmErrorMapper(endpoint, networkTimeout, timeProvider ?? TimeProvider.System));
    }

    private static string? FindProblem(Uri endpoint, string? apiKey, string? model, TimeSpan networkTimeout, int maxRetries)
    {
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            return "OpenAIChatClientOptions.Endpoint must be an absolute http or https address such as http://127.0.0.1:8080/v1; check MIRT_LLM_ENDPOINT.";
        }

        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return "OpenAIChatClientOptions.ApiKey is empty. Set MIRT_LLM_API_KEY; a server that checks no key still needs a placeholder such as \"none\".";
        }

        if (string.IsNullOrWhiteSpace(model))
        {
            return "OpenAIChatClientOptions.Model is empty. Set MIRT_LLM_MODEL to the model name the server expects.";
        }

        if (networkTimeout <= TimeSpan.Zero)
        {
            return $"OpenAIChatClientOptions.NetworkTimeout is {networkTimeout}; it must be greater than zero (the default is 15 seconds).";
        }

        return maxRetries < 0
            ? $"OpenAIChatClientOptions.MaxRetries is {maxRetries}; it must be zero or greater (the default, 0, leaves retries to the middleware)."
            : null;
    }
}
