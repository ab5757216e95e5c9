using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Mirt.Llm.Errors;

namespace Mirt.Llm.Deadline;

/// <summary>
/// Gives every call a deadline, linked with the caller's token: when it expires the inner call is cancelled and the
/// call fails with <see cref="LlmTimeoutException"/>; when the caller cancels, the call fails with the usual
/// <see cref="OperationCanceledException"/>. A streamed call's deadline covers the whole stream, the time the caller
/// spends between updates included.
/// </summary>
/// <remarks>
/// <para>The deadline is <see cref="DeadlineOptions.TimeoutMs"/>, or the call's own
/// <see cref="LlmCallProperties.DeadlineMs"/> when it sets one. It starts when the call starts, on the timers of the
/// <see cref="TimeProvider"/> given.</para>
/// <para>The deadline is cooperative: the inner client must observe its token (the OpenAI SDK and
/// <see cref="HttpClient"/> do). Whatever the inner client throws once the deadline has passed, a cancellation or a
/// transport error, becomes <see cref="LlmTimeoutException"/>, with the original as its inner exception.</para>
/// <para>Thread-safe; one instance serves concurrent calls.</para>
/// </remarks>
public sealed class DeadlineChatClient : DelegatingChatClient
{
    private readonly DeadlineOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the middleware.</summary>
    /// <param name="innerClient">The client the calls go to.</param>
    /// <param name="options">The deadline; <see langword="null"/> for the defaults.</param>
    /// <param name="time">The clock whose timers fire the deadline; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerClient"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> holds an out-of-range value.</exception>
    public DeadlineChatClient(IChatClient innerClient, DeadlineOptions? options = null, TimeProvider? time = null)
        : base(innerClient)
    {
        _options = options ?? new DeadlineOptions();
        _options.Validate();
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    /// <exception cref="LlmTimeoutException">The deadline expired before the inner client answered.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var deadlineMs = DeadlineOf(options);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(deadlineMs), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await base.GetResponseAsync(messages, options, linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (Expired(exception, deadline, cancellationToken))
        {
            throw new LlmTimeoutException(deadlineMs, exception);
        }
    }

    /// <inheritdoc />
    /// <exception cref="LlmTimeoutException">The deadline expired before the stream ended.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var deadlineMs = DeadlineOf(options);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(deadlineMs), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var updates = base.GetStreamingResponseAsync(messages, options, linked.Token).GetAsyncEnumerator(linked.Token);
        try
        {
            while (true)
            {
                // C# allows no yield inside a try with a catch, so each step is awaited here and yielded below.
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception exception) when (Expired(exception, deadline, cancellationToken))
                {
                    throw new LlmTimeoutException(deadlineMs, exception);
                }

                yield return updates.Current;
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static bool Expired(Exception exception, CancellationTokenSource deadline, CancellationToken caller) =>
        exception is not LlmTimeoutException && deadline.IsCancellationRequested && !caller.IsCancellationRequested;

    private int DeadlineOf(ChatOptions? options) =>
        LlmCallProperties.DeadlineOf(options) is { } ms and >= DeadlineOptions.MinTimeoutMs and <= DeadlineOptions.MaxTimeoutMs
            ? ms
            : _options.TimeoutMs;
}
