using Mirt.Nodes.Abstractions.Flow;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Mirt.Nodes.Compose;

namespace Mirt.Host.Bench;

/// <summary>
/// The bench's scripted model: waits a latency drawn from a <see cref="LognormalLatency"/>, then answers the compose
/// node with a valid structured reply that keeps the draft (the bubbles under "Draft reply, bubble by bubble:" that
/// <c>prompts/llm/turn.hbs</c> puts in the instructions, the state and intent the node passes in
/// <see cref="ChatOptionKeys"/>), so one turn costs one model call. Other nodes get <c>{}</c> after the same wait.
/// </summary>
/// <remarks>Thread-safe. Honours the caller's cancellation (the compose node's deadline cancels a slow draw).</remarks>
internal sealed class LatencyChatClient(LognormalLatency latency) : IChatClient
{
    private const string DraftHeading = "Draft reply, bubble by bubble:";
    private const string BubbleMarker = "[bubble ";
    private long _calls;

    /// <summary>Gets how many calls the model received so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        await Task.Delay(latency.Sample(Random.Shared), cancellationToken).ConfigureAwait(false);
        var text = Option(options, ChatOptionKeys.Node) == ComposeNode.NodeTag ? KeepDraft(messages, options) : "{}";
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = "bench-scripted", FinishReason = ChatFinishReason.Stop };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static string? Option(ChatOptions? options, string key) =>
        options?.AdditionalProperties?.TryGetValue(key, out var value) == true ? value as string : null;

    private static string KeepDraft(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var turn = messages.LastOrDefault(m => m.Text.Contains(DraftHeading, StringComparison.Ordinal))?.Text ?? string.Empty;
        return JsonSerializer.Serialize(new
        {
            replies = DraftBubbles(turn),
            state = Option(options, ChatOptionKeys.State),
            intent = Option(options, ChatOptionKeys.Intent),
            products = Array.Empty<object>(),
            customer = new { full_name = (string?)null, phone = (string?)null, city = (string?)null, branch = (string?)null },
            escalation = (object?)null,
            confidence = 0.9,
        });
    }

    private static List<string> DraftBubbles(string turn)
    {
        var bubbles = new List<string>();
        var at = turn.IndexOf(DraftHeading, StringComparison.Ordinal);
        if (at < 0)
        {
            return bubbles;
        }

        foreach (var part in turn[(at + DraftHeading.Length)..].Split(BubbleMarker, StringSplitOptions.RemoveEmptyEntries))
        {
            var newline = part.IndexOf('\n', StringComparison.Ordinal);
            if (newline >= 0 && part[(newline + 1)..].Trim() is { Length: > 0 } bubble)
            {
                bubbles.Add(bubble);
            }
        }

        return bubbles;
    }
}
