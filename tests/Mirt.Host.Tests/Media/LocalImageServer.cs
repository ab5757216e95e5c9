using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Mirt.Host.Tests.Media;

/// <summary>A plain-HTTP server on a free loopback port whose answers a test scripts with <see cref="OnRequest"/>.
/// Loopback is exactly what the fetcher's SSRF guard refuses, so tests that want an answer from it replace the
/// address check (<c>MediaFetchOptions.IsAddressAllowed</c>).</summary>
internal sealed class LocalImageServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<string> _paths = new();
    private readonly Task _loop;

    private LocalImageServer(HttpListener listener, int port)
    {
        _listener = listener;
        Port = port;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

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

    public static LocalImageServer Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            try
            {
                listener.Start();
                return new LocalImageServer(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        await _loop;
        _stopping.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _paths.Enqueue(context.Request.Url?.PathAndQuery ?? "/");
            _ = Task.Run(async () =>
            {
                try
                {
                    await OnRequest(context, _stopping.Token);
                }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
                {
                    // The client hung up (the fetcher stops reading at its cap or timeout): that is the point of the test.
                }
            });
        }
    }
}
