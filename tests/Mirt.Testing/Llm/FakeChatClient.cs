using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Mirt.Testing.Llm;

/// <summary>
/// A scripted <see cref="IChatClient"/>: each call takes the next step queued with <c>Then…</c> (a reply, a failure,
/// a delay, a hang until cancelled), or <see cref="OnGetResponseAsync"/> when the script is used up. Streaming calls
/// run the same step and split its response into updates, unless <see cref="OnGetStreamingResponse"/> is set.
/// Every call is kept in <see cref="Calls"/>.
/// </summary>
/// <remarks>Thread-safe enough for concurrent calls: steps are dequeued atomically.</remarks>
public sealed class FakeChatClient(string defaultModelId = FakeChatClient.DefaultModel) : IChatClient
{
    /// <summary>The model a call gets when it names none.</summary>
    public const string DefaultModel = "fake-model";

    private readonly ConcurrentQueue<Func<FakeChatCall, Task<ChatResponse>>> _script = new();
    private readonly ConcurrentQueue<FakeChatCall> _calls = new();
    private int _count;

    /// <summary>Gets the default model id, reported through <see cref="ChatClientMetadata"/>.</summary>
    public string DefaultModelId { get; } = defaultModelId;

    /// <summary>Gets or sets the step of calls beyond the script; by default it replies "ok".</summary>
    public Func<FakeChatCall, Task<ChatResponse>> OnGetResponseAsync { get; set; } = call => Task.FromResult(Reply(call, "ok"));

    /// <summary>Gets or sets the streaming behaviour; <see langword="null"/> streams the scripted step's response.</summary>
    public Func<FakeChatCall, IAsyncEnumerable<ChatResponseUpdate>>? OnGetStreamingResponse { get; set; }

    /// <summary>Gets the calls received, in order.</summary>
    public IReadOnlyList<FakeChatCall> Calls => [.. _calls];

    /// <summary>Gets a value indicating whether the client was disposed.</summary>
    public bool Disposed { get; private set; }

    /// <summary>Builds a response the way a provider answers: the text, the model that answered, usage and finish reason.</summary>
    /// <param name="call">The call answered; its model (or the default) names the response unless <paramref name="model"/> is given.</param>
    /// <param name="text">The reply text.</param>
    /// <param name="model">The model to report, or <see langword="null"/> for the call's.</param>
    /// <param name="inputTokens">The input tokens reported.</param>
    /// <param name="outputTokens">The output tokens reported.</param>
    /// <returns>The response.</returns>
    public static ChatResponse Reply(FakeChatCall call, string text, string? model = null, long inputTokens = 100, long outputTokens = 20) =>
        new(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = model ?? call.ModelId ?? DefaultModel,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens, TotalTokenCount = inputTokens + outputTokens },
        };

    /// <summary>Queues a step of your own.</summary>
    /// <param name="step">Answers one call.</param>
    /// <returns>This client.</returns>
    public FakeChatClient Then(Func<FakeChatCall, Task<ChatResponse>> step)
    {
        _script.Enqueue(step);
        return this;
    }

    /// <summary>Queues a reply.</summary>
    /// <param name="text">The reply text.</param>
    /// <param name="model">The model to report, or <see langword="null"/> for the call's.</param>
    /// <param name="inputTokens">The input tokens reported.</param>
    /// <param name="outputTokens">The output tokens reported.</param>
    /// <returns>This client.</returns>
    public FakeChatClient ThenReply(string text, string? model = null, long inputTokens = 100, long outputTokens = 20) =>
        Then(call => Task.FromResult(Reply(call, text, model, inputTokens, outputTokens)));

    /// <summary>Queues a failure.</summary>
    /// <param name="exception">What the call throws.</param>
    /// <returns>This client.</returns>
    public FakeChatClient ThenThrow(Exception exception) => Then(_ => Task.FromException<ChatResponse>(exception));

    /// <summary>Queues a reply after a delay that honours the call's token.</summary>
    /// <param name="delay">How long to wait (real time).</param>
    /// <param name="text">The reply text.</param>
    /// <returns>This client.</returns>
    public FakeChatClient ThenDelay(TimeSpan delay, string text) => Then(async call =>
    {
        await Task.Delay(delay, call.CancellationToken);
        return Reply(call, text);
    });

    /// <summary>Queues a call that never answers: it waits until its token is cancelled, then throws
    /// <see cref="OperationCanceledException"/>, as an HTTP client does.</summary>
    /// <param name="started">Completed when the call starts waiting, so a test can cancel at the right moment.</param>
    /// <returns>This client.</returns>
    public FakeChatClient ThenHang(TaskCompletionSource? started = null) => Then(async call =>
    {
        started?.TrySetResult();
        await Task.Delay(Timeout.Infinite, call.CancellationToken);
        throw new InvalidOperationException("Unreachable: an infinite delay ends only by cancellation.");
    });

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = Record(messages, options, streaming: false, cancellationToken);
        return await NextStep()(call);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var call = Record(messages, options, streaming: true, cancellationToken);
        if (OnGetStreamingResponse is { } stream)
        {
            await foreach (var update in stream(call).WithCancellation(cancellationToken))
            {
                yield return update;
            }

            yield break;
        }

        var response = await NextStep()(call);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", null, DefaultModelId)
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose() => Disposed = true;

    private FakeChatCall Record(IEnumerable<ChatMessage> messages, ChatOptions? options, bool streaming, CancellationToken cancellationToken)
    {
        var call = new FakeChatCall(Interlocked.Increment(ref _count) - 1, [.. messages], options, streaming, cancellationToken);
        _calls.Enqueue(call);
        return call;
    }

    private Func<FakeChatCall, Task<ChatResponse>> NextStep() => _script.TryDequeue(out var step) ? step : OnGetResponseAsync;
}
