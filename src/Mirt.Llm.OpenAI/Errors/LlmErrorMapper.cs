using System.ClientModel;
using System.Globalization;
using System.Text.Json;

namespace Mirt.Llm.OpenAI.Errors;

/// <summary>Turns what the OpenAI SDK and the HTTP stack throw into the adapter's <see cref="LlmException"/> family.</summary>
/// <param name="endpoint">The server's base address, named in messages (without any user info).</param>
/// <param name="networkTimeout">The per-attempt timeout, named in <see cref="LlmNetworkTimeoutException"/> messages.</param>
/// <param name="timeProvider">The clock that turns an HTTP-date <c>Retry-After</c> into a delay.</param>
internal sealed class LlmErrorMapper(Uri endpoint, TimeSpan networkTimeout, TimeProvider timeProvider)
{
    private readonly string _server = endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    /// <summary>Returns the exception to throw in place of <paramref name="exception"/>.</summary>
    /// <param name="exception">What the SDK threw.</param>
    /// <param name="cancellationToken">The caller's token: a cancellation it asked for is never wrapped.</param>
    /// <returns>
    /// An <see cref="LlmException"/>, or <see langword="null"/> to rethrow <paramref name="exception"/> unchanged
    /// (the caller's own cancellation, an exception already mapped, or a bug such as an argument error).
    /// </returns>
    public LlmException? Map(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        LlmException => null,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        // The SDK cancels its own linked token when NetworkTimeout elapses; the caller's token is still live.
        OperationCanceledException => new LlmNetworkTimeoutException(
            $"The model server at {_server} sent nothing for {networkTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s "
            + "(OpenAIChatClientOptions.NetworkTimeout), so the attempt was abandoned; the server may be overloaded.",
            new TimeoutException($"No answer within {networkTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms.", exception)),
        ClientResultException { Status: 0 } => Transport(exception.InnerException ?? exception),
        ClientResultException result => FromStatus(result),
        HttpRequestException or IOException => Transport(exception),
        JsonException => new LlmServerException(
            $"The model server at {_server} answered with a body that is not a valid chat completion; check that MIRT_LLM_ENDPOINT points at an OpenAI-compatible /v1 address.",
            statusCode: 200,
            serverMessage: null,
            serverErrorCode: null,
            exception),
        _ => null,
    };

    private LlmTransportException Transport(Exception cause) => new(
        $"The model server at {_server} could not be reached ({cause.Message}). Check MIRT_LLM_ENDPOINT and that the server is running.",
        cause);

    private LlmException FromStatus(ClientResultException exception)
    {
        var status = exception.Status;
        var response = exception.GetRawResponse();
        var body = ServerErrorBody.Parse(response?.Content);
        var said = body.Message is null ? string.Empty : $": {body.Message}";

        switch (status)
        {
            case 401 or 403:
                return new LlmAuthenticationException(
                    $"The model server at {_server} rejected the API key (HTTP {status}{said}). Check MIRT_LLM_API_KEY.",
                    status,
                    body.Message,
                    body.Code,
                    exception);
            case 429:
                var quotaGone = string.Equals(body.Code, "insufficient_quota", StringComparison.Ordinal);
                var retryAfter = response is null ? null : RetryAfterParser.Parse(response.Headers, timeProvider.GetUtcNow());
                var advice = quotaGone
                    ? "The account's quota is used up; top it up or point MIRT_LLM_ENDPOINT at another account."
                    : retryAfter is { } wait
                        ? $"Retry after {wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s or lower the request rate."
                        : "Retry later or lower the request rate.";
                return new LlmRateLimitException(
                    $"The model server at {_server} refused the request with HTTP 429{said}. {advice}",
                    retryAfter,
                    isTransient: !quotaGone,
                    body.Message,
                    body.Code,
                    exception);
            case >= 400 and <= 499:
                return new LlmRequestException(
                    $"The model server at {_server} rejected the request with HTTP {status}{said}. Fix the request or the model settings (MIRT_LLM_MODEL).",
                    status,
                    body.Message,
                    body.Code,
                    exception);
            case >= 500 and <= 599:
                return new LlmServerException(
                    $"The model server at {_server} failed with HTTP {status}{said}. It may recover; retry later or use the fallback model.",
                    status,
                    body.Message,
                    body.Code,
                    exception);
            default:
                return new LlmServerException(
                    $"The model server at {_server} answered with an unexpected HTTP {status}{said}. Check that MIRT_LLM_ENDPOINT points at an OpenAI-compatible /v1 address.",
                    status,
                    body.Message,
                    body.Code,
                    exception);
        }
    }
}
