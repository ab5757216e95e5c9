using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mirt.Llm.Diagnostics;
using Mirt.Llm.Errors;
using Polly;
using Polly.Retry;

namespace Mirt.Llm.Retry;

/// <summary>
/// Retries a call on the same model when it fails transiently (see <see cref="RetryOptions.IsTransient"/>), with a
/// short, jittered, exponential wait, through a Polly.Core pipeline built once.
/// </summary>
/// <remarks>
/// <para>Never retries a cancellation: once the call's token is cancelled, by the caller or by an outer
/// <see cref="Deadline.DeadlineChatClient"/>, the wait is cut short and the cancellation surfaces; so no retry starts
/// after the deadline. Non-transient failures (HTTP 400, 401, 403…) surface at once.</para>
/// <para>A streamed call is retried only until its first update arrives; after that a failure surfaces, because the
/// caller has already seen part of the answer.</para>
/// <para>Each retry writes an <c>llm_retry</c> line (attempt, wait, reason, error type). Thread-safe.</para>
/// </remarks>
public sealed class RetryChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;

    /// <summary>Creates the middleware.</summary>
    /// <param name="innerClient">The client the calls go to.</param>
    /// <param name="options">The retry settings; <see langword="null"/> for the defaults.</param>
    /// <param name="time">The clock for the waits; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">Receives the <c>llm_retry</c> lines; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerClient"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> holds an out-of-range value.</exception>
    public RetryChatClient(IChatClient innerClient, RetryOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
        : base(innerClient)
    {
        options ??= new RetryOptions();
        options.Validate();
        _logger = logger ?? NullLogger.Instance;
        _pipeline = Build(options, time ?? TimeProvider.System, _logger);
    }

    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Materialised once: an attempt must not re-run a lazy query over the conversation.
        var call = (Inner: InnerClient, Messages: messages as IReadOnlyList<ChatMessage> ?? [.. messages], Options: options);
        return _pipeline.ExecuteAsync(
            static async (state, token) => await state.Inner.GetResponseAsync(state.Messages, state.Options, token).ConfigureAwait(false),
            call,
            cancellationToken).AsTask();
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var call = (Inner: InnerClient, Messages: messages as IReadOnlyList<ChatMessage> ?? [.. messages], Options: options);
        var (updates, hasFirst) = await _pipeline.ExecuteAsync(
            static async (state, token) =>
            {
                var attempt = state.Inner.GetStreamingResponseAsync(state.Messages, state.Options, token).GetAsyncEnumerator(token);
                try
                {
                    return (attempt, await attempt.MoveNextAsync().ConfigureAwait(false));
                }
                catch
                {
                    await attempt.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            },
            call,
            cancellationToken).ConfigureAwait(false);

        try
        {
            for (var more = hasFirst; more; more = await updates.MoveNextAsync().ConfigureAwait(false))
            {
                yield return updates.Current;
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ResiliencePipeline Build(RetryOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries == 0)
        {
            return builder.Build();
        }

        var isTransient = options.IsTransient ?? LlmErrorClassifier.IsTransient;
        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            Delay = TimeSpan.FromMilliseconds(options.BaseDelayMs),
            MaxDelay = TimeSpan.FromMilliseconds(options.MaxDelayMs),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = options.UseJitter,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is { } exception
                && !args.Context.CancellationToken.IsCancellationRequested
                && isTransient(exception)),
            OnRetry = args =>
            {
                var exception = args.Outcome.Exception!;
                var reason = LlmErrorClassifier.ReasonOf(exception).Value;
                var error = exception.GetType().Name;
                LlmLog.Retry(logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, reason, error);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }
}
