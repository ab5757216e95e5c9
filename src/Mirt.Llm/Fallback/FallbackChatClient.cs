using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mirt.Llm.Diagnostics;
using Mirt.Llm.Errors;

namespace Mirt.Llm.Fallback;

/// <summary>
/// Tries the primary model, then each fallback model (<see cref="FallbackOptions.Models"/>, set per call as
/// <see cref="ChatOptions.ModelId"/> on the same inner client); when every model fails it throws
/// <see cref="LlmUnavailableException"/> carrying the reason, so the caller replies in degraded (rule-only) mode.
/// </summary>
/// <remarks>
/// <para>The answer's <see cref="ChatResponse.ModelId"/> names the model that answered (the provider's name for it,
/// or the model requested when the provider names none), so the caller, metrics and logs can tell a fallback answer.</para>
/// <para>Any failure moves on to the next model, except a cancellation of the call's token (the caller's or an outer
/// deadline's), which surfaces at once. The exception's <see cref="LlmUnavailableException.Reason"/> is the primary
/// model's failure reason (why the answer we wanted did not come), its inner exception the primary's failure, and
/// <see cref="LlmUnavailableException.Models"/> every model tried.</para>
/// <para>A streamed call falls back only until its first update arrives.</para>
/// <para>Each switch writes an <c>llm_fallback</c> line (from, to, reason, error type). The caller's options are never
/// changed: a fallback attempt gets a clone. Thread-safe.</para>
/// </remarks>
public sealed class FallbackChatClient : DelegatingChatClient
{
    private readonly IReadOnlyList<string> _fallbacks;
    private readonly Func<Exception, LlmFailureReason> _reasonOf;
    private readonly ILogger _logger;

    /// <summary>Creates the middleware.</summary>
    /// <param name="innerClient">The client every model is called through.</param>
    /// <param name="options">The fallback models; <see langword="null"/> for none.</param>
    /// <param name="logger">Receives the <c>llm_fallback</c> lines; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerClient"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid.</exception>
    public FallbackChatClient(IChatClient innerClient, FallbackOptions? options = null, ILogger? logger = null)
        : base(innerClient)
    {
        options ??= new FallbackOptions();
        options.Validate();
        _fallbacks = [.. options.Models];
        _reasonOf = options.ReasonOf ?? LlmErrorClassifier.ReasonOf;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    /// <exception cref="LlmUnavailableException">Every model failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var conversation = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var chain = NewChain(options);
        for (var index = 0; ; index++)
        {
            try
            {
                var response = await InnerClient.GetResponseAsync(conversation, chain.OptionsFor(index), cancellationToken).ConfigureAwait(false);
                response.ModelId ??= chain.ModelName(index);
                return response;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                chain.Failed(index, exception);
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="LlmUnavailableException">Every model failed before its first update.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var conversation = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var chain = NewChain(options);
        IAsyncEnumerator<ChatResponseUpdate> updates;
        var index = 0;
        while (true)
        {
            var attempt = InnerClient.GetStreamingResponseAsync(conversation, chain.OptionsFor(index), cancellationToken).GetAsyncEnumerator(cancellationToken);
            bool hasFirst;
            try
            {
                hasFirst = await attempt.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                await attempt.DisposeAsync().ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                chain.Failed(index++, exception);
                continue;
            }

            if (!hasFirst)
            {
                // An empty stream is an answer with nothing in it, not a failure.
                await attempt.DisposeAsync().ConfigureAwait(false);
                yield break;
            }

            updates = attempt;
            break;
        }

        var model = chain.ModelName(index);
        try
        {
            do
            {
                var update = updates.Current;
                update.ModelId ??= model;
                yield return update;
            }
            while (await updates.MoveNextAsync().ConfigureAwait(false));
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }
    }

    private FallbackChain NewChain(ChatOptions? options) =>
        new(options, InnerClient.GetService<ChatClientMetadata>()?.DefaultModelId, _fallbacks, _reasonOf, _logger);
}
