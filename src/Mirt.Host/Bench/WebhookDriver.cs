using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mirt.Host.Web;

namespace Mirt.Host.Bench;

/// <summary>
/// Plays ManyChat: posts Dynamic Block requests to <c>/webhooks/manychat</c> with the shared secret, as the README's
/// "Talking to it" shows, and times each from sending to having read the whole reply.
/// </summary>
/// <remarks>Thread-safe: one HTTP client with unlimited keep-alive connections, so every conversation can have a
/// request in flight.</remarks>
internal sealed class WebhookDriver : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly string _token;

    /// <summary>Creates a driver for the host at <paramref name="address"/>.</summary>
    /// <param name="address">The host's base address.</param>
    /// <param name="token">The shared secret the host expects in <c>X-ManyChat-Token</c>.</param>
    public WebhookDriver(Uri address, string token)
    {
        _token = token;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, UseProxy = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    /// <summary>Sends the customer's line for one turn of a conversation.</summary>
    /// <param name="threadId">The ManyChat subscriber id (the conversation).</param>
    /// <param name="turn">The turn, from 0; picks the line of <see cref="SalesScript"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The latency and, when the host did not answer 200 with a body, why.</returns>
    public async Task<TurnSample> SendAsync(string threadId, int turn, CancellationToken cancellationToken)
    {
        var line = SalesScript.Line(turn);
        var body = JsonSerializer.SerializeToUtf8Bytes(new DynamicBlockRequest(threadId, line.Text, line.FirstName, "bench_customer", line.ImageUrl));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/manychat") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add(SharedSecret.HeaderName, _token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var reply = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return response.IsSuccessStatusCode && reply.Length > 0
                ? new TurnSample(latency, null, default)
                : new TurnSample(latency, $"HTTP {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(reply.AsSpan(0, Math.Min(reply.Length, 300)))}", default);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new TurnSample(Stopwatch.GetElapsedTime(started).TotalMilliseconds, $"{ex.GetType().Name}: {ex.Message}", default);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private sealed record DynamicBlockRequest(
        [property: JsonPropertyName("subscriber_id")] string SubscriberId,
        [property: JsonPropertyName("last_input_text")] string LastInputText,
        [property: JsonPropertyName("first_name")] string FirstName,
        [property: JsonPropertyName("ig_username")] string IgUsername,
        [property: JsonPropertyName("image_url")] string? ImageUrl);
}
