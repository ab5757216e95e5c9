using Microsoft.Extensions.AI;
using Mirt.Llm.OpenAI.Errors;
using Mirt.Llm.OpenAI.Requests;
using Mirt.Llm.OpenAI.Responses;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Mirt.Llm.OpenAI;

/// <summary>An <see cref="IChatClient"/> over the official SDK's <see cref="ChatClient"/>: maps requests, responses and errors.</summary>
/// <param name="chatClient">The SDK client, bound to the endpoint, key and default model.</param>
/// <param name="metadata">What <see cref="GetService"/> answers for <see cref="ChatClientMetadata"/>.</param>
/// <param name="errors">Turns SDK and transport exceptions into <see cref="LlmException"/>s.</param>
/// <remarks>Thread-safe: every call builds its own SDK options and the SDK client is thread-safe.</remarks>
internal sealed partial class OpenAIChatClient(ChatClient chatClient, ChatClientMetadata metadata, LlmErrorMapper errors) : IChatClient
{
    /// <summary>The provider name in <see cref="ChatClientMetadata"/>, the same as the official adapter's.</summary>
    public const string ProviderName = "openai";

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<AIChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = ChatMessageMapper.ToOpenAI(messages, options);
        var requestOptions = ChatOptionsMapper.ToOpenAI(options, this);

        ChatCompletion completion;
        try
        {
            completion = (await chatClient.CompleteChatAsync(request, requestOptions, cancellationToken)).Value;
        }
        catch (Exception exception) when (errors.Map(exception, cancellationToken) is { } mapped)
        {
            throw mapped;
        }

        return ChatCompletionMapper.ToChatResponse(completion);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? metadata
            : serviceType == typeof(ChatClient) ? chatClient
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release: the SDK client shares the SDK's pooled HTTP transport.
    }
}
