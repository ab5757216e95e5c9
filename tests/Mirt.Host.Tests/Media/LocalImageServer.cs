using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace Mirt.Host.Tests.Media;

/// <summary>A plain-HTTP server on a free loopback port whose answers a test scripts with <see cref="OnRequest"/>.
/// Loopback is exactly what the fetcher's SSRF guard refuses, so tests that want an answer from it replace the
/// address check (<c>MediaFetchOptions.IsAddressAllowed</c>).</summary>
internal sealed class LocalImageServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _paths = new();
    private readonly LoopbackHttpListener _http;

    private LocalImageServer() => _http = LoopbackHttpListener.Start(Accept);

    public int Port => _http.Port;

    /// <summary>Gets or sets the answer to each request; by default a small JPEG.</summary>
    public Func<HttpListenerContext, CancellationToken, Task> OnRequest { get; set; } = (context, token) => ServeAsync(context, "image/jpeg", Jpeg(100), token);

    /// <summary>Gets the paths requested, in order.</summary>
    public IReadOnlyList<string> Paths => [.. _paths];

    public Uri Url(string path = "/photo.jpg") => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}{path}");

    public static byte[] Jpeg(int length) => [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Repeat((byte)0x42, Math.Max(0, length - 4))];

    public static byte[] Png(int length) => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Repeat((byte)0x42, Math.Max(0, length - 8))];

    public static async Task ServeAsync(HttpListenerContext context, string? contentType, byte[] body, CancellationToken cancellationToken)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body, cancellationToken);
        context.Response.Close();
    }

    public static LocalImageServer Start() => new();

    public ValueTask DisposeAsync() => _http.DisposeAsync();

    private Func<Task> Accept(HttpListenerContext context)
    {
        _paths.Enqueue(context.Request.Url?.PathAndQuery ?? "/");
        return async () =>
        {
            try
            {
                await OnRequest(context, _http.Stopping);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                // The client hung up (the fetcher stops reading at its cap or timeout): that is the point of the test.
            }
        };
    }
}
