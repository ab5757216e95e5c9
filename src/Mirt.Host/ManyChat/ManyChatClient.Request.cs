using System.Net;
using System.Net.Http.Headers;

namespace Mirt.Host.ManyChat;

/// <summary>One public-API request: rate limiter, timeout, classification, and the safe rate-limit retries.</summary>
public sealed partial class ManyChatClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private async Task<ManyChatResult> PostAsync(ManyChatEndpoint endpoint, byte[] body, string masked, CancellationToken cancellationToken)
    {
        var limiter = endpoint.IsSend ? _sendLimiter : _tagFieldLimiter;
        var latency = TimeSpan.Zero;
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var waitStarted = _time.GetTimestamp();
            using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            waited += _time.GetElapsedTime(waitStarted);
            if (!lease.IsAcquired)
            {
                return new ManyChatResult(ManyChatOutcome.RateLimited, Error: "queue_full") { Attempts = attempt - 1, Latency = latency, Waited = waited };
            }

            var started = _time.GetTimestamp();
            var result = await SendOnceAsync(endpoint, body, cancellationToken).ConfigureAwait(false);
            latency += _time.GetElapsedTime(started);
            if (result.Outcome != ManyChatOutcome.RateLimited || attempt > _options.RateLimitedRetries)
            {
                return result with { Attempts = attempt, Latency = latency, Waited = waited };
            }

            // ManyChat refused before sending anything, so sending again cannot duplicate.
            ManyChatLog.RateLimitedRetry(_logger, endpoint.Name, masked, attempt);
            var pauseStarted = _time.GetTimestamp();
            await Task.Delay(_options.RateLimitedBackoff, _time, cancellationToken).ConfigureAwait(false);
            waited += _time.GetElapsedTime(pauseStarted);
        }
    }

    private async Task<ManyChatResult> SendOnceAsync(ManyChatEndpoint endpoint, byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUrl, endpoint.Path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = Json;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return ManyChatResponseClassifier.Classify((int)response.StatusCode, answer);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ManyChatResult(ManyChatOutcome.Transient, Error: "timeout") { MaybeDelivered = true };
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Only a connection that was never made proves the request did not go out.
            var neverConnected = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
            return new ManyChatResult(ManyChatOutcome.Transient, Error: neverConnected ? "connect" : "dropped") { MaybeDelivered = !neverConnected };
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ManyChatResult(ManyChatOutcome.Transient, Error: "dropped") { MaybeDelivered = true };
        }
    }
}
