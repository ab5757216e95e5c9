using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Mirt.Llm.OpenAI.Requests;
using Mirt.Llm.OpenAI.Streaming;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;

namespace Mirt.Llm.OpenAI;

/// <summary>The streaming half of the adapter.</summary>
internal sealed partial class OpenAIChatClient
{
    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = ChatMessageMapper.ToOpenAI(messages, options);
        var requestOptions = ChatOptionsMapper.ToOpenAI(options, this);
        return StreamAsync(request, requestOptions, cancellationToken);
    }

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(
        List<OpenAIChatMessage> request,
        ChatCompletionOptions requestOptions,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var mapper = new StreamingUpdateMapper();
        // The request goes out on the first MoveNextAsync, so that is where HTTP errors surface; C# cannot yield
        // inside a try with a catch, hence the manual enumeration.
        await using var chunks = chatClient
            .CompleteChatStreamingAsync(request, requestOptions, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            StreamingChatCompletionUpdate chunk;
            try
            {
                if (!await chunks.MoveNextAsync())
                {
                    break;
                }

                chunk = chunks.Current;
            }
            catch (Exception exception) when (errors.Map(exception, cancellationToken) is { } mapped)
            {
                throw mapped;
            }

            yield return mapper.Add(chunk);
        }

        if (mapper.Complete() is { } last)
        {
            yield return last;
        }
    }
}
