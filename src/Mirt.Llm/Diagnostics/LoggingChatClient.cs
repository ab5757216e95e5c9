using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Mirt.Llm.Errors;

namespace Mirt.Llm.Diagnostics;

/// <summary>
/// Writes one line per call: <c>llm_call</c> (Information: model, ms, input and output tokens, finish reason, outcome
/// <c>ok</c>) or <c>llm_call_failed</c> (Warning: model, ms, outcome = the failure reason such as <c>timeout</c> or
/// <c>auth</c>, error = the exception's type name).
/// </summary>
/// <remarks>
/// <para>No customer data above Trace: never message text, never image URLs or bytes, never exception messages (a
/// provider's message may echo request details), and the middleware never sees the API key. At Trace only,
/// <c>llm_messages</c> and <c>llm_reply</c> hold the text passed through <see cref="LogTextMasker"/> (phone-like digit
/// runs and URLs masked; images and other media written as <c>[media]</c>).</para>
/// <para>A call the caller cancelled is logged as outcome <c>cancelled</c> at Information. A streamed call is logged
/// when the stream ends or the caller stops reading it. Thread-safe.</para>
/// </remarks>
public sealed class LoggingChatClient : DelegatingChatClient
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the middleware.</summary>
    /// <param name="innerClient">The client the calls go to.</param>
    /// <param name="logger">Receives the lines.</param>
    /// <param name="time">The clock that times calls; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerClient"/> or <paramref name="logger"/> is <see langword="null"/>.</exception>
    public LoggingChatClient(IChatClient innerClient, ILogger logger, TimeProvider? time = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        messages = TraceMessages(messages);
        var observation = new CallObservation(InnerClient, options);
        var started = _time.GetTimestamp();
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            observation.Observe(response);
            Succeeded(observation, started, response.Text);
            return response;
        }
        catch (Exception exception)
        {
            Failed(observation, started, exception, cancellationToken);
            throw;
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        messages = TraceMessages(messages);
        var observation = new CallObservation(InnerClient, options, keepText: _logger.IsEnabled(LogLevel.Trace));
        var started = _time.GetTimestamp();
        var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var failed = false;
        try
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception exception)
                {
                    failed = true;
                    Failed(observation, started, exception, cancellationToken);
                    throw;
                }

                observation.Observe(updates.Current);
                yield return updates.Current;
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);

            // Also when the caller stops reading early: the call still happened and cost tokens.
            if (!failed)
            {
                Succeeded(observation, started, observation.Text);
            }
        }
    }

    private IEnumerable<ChatMessage> TraceMessages(IEnumerable<ChatMessage> messages)
    {
        if (!_logger.IsEnabled(LogLevel.Trace))
        {
            return messages;
        }

        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var text = new StringBuilder();
        foreach (var message in list)
        {
            text.Append('[').Append(message.Role.Value).Append("] ");
            foreach (var content in message.Contents)
            {
                text.Append(content switch
                {
                    TextContent part => LogTextMasker.Mask(part.Text),
                    DataContent or UriContent => "[media]",
                    _ => $"[{content.GetType().Name}]",
                });
            }

            text.Append(' ');
        }

        var masked = text.ToString().TrimEnd();
        LlmLog.Messages(_logger, list.Count, masked);
        return list;
    }

    private void Succeeded(CallObservation observation, long started, string replyText)
    {
        var ms = Math.Round(_time.GetElapsedTime(started).TotalMilliseconds, 1);
        var model = observation.ModelLabel;
        var finish = observation.FinishReason?.Value ?? "none";
        LlmLog.Call(_logger, model, ms, observation.Usage?.InputTokenCount, observation.Usage?.OutputTokenCount, finish, "ok");
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            var masked = LogTextMasker.Mask(replyText);
            LlmLog.Reply(_logger, model, masked);
        }
    }

    private void Failed(CallObservation observation, long started, Exception exception, CancellationToken cancellationToken)
    {
        var ms = Math.Round(_time.GetElapsedTime(started).TotalMilliseconds, 1);
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            LlmLog.Call(_logger, observation.ModelLabel, ms, null, null, "none", "cancelled");
            return;
        }

        var reason = LlmErrorClassifier.ReasonOf(exception).Value;
        var error = exception.GetType().Name;
        LlmLog.CallFailed(_logger, observation.ModelLabel, ms, reason, error);
    }
}
