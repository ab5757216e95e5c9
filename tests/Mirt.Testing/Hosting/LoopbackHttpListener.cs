using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Mirt.Testing.Hosting;

/// <summary>
/// Listens on a free loopback port with <see cref="HttpListener"/> (no ASP.NET Core) and runs each request on the thread
/// pool: the plumbing the scripted test servers (OpenAI, ManyChat, media) share.
/// </summary>
/// <remarks>For every request, <c>accept</c> runs on the accept loop first (record arrival order or time there) and
/// returns the work that answers it, which then runs on the thread pool, so a slow answer never holds up the next
/// request. Dispose to stop listening; <see cref="Stopping"/> is cancelled first.</remarks>
public sealed class LoopbackHttpListener : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<HttpListenerContext, Func<Task>> _accept;
    private readonly Task _loop;

    private LoopbackHttpListener(HttpListener listener, int port, Func<HttpListenerContext, Func<Task>> accept)
    {
        _listener = listener;
        _accept = accept;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Gets the port listened on.</summary>
    public int Port { get; }

    /// <summary>Gets <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets a token cancelled when the listener is disposed, for the answers in flight.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts listening on a free loopback port.</summary>
    /// <param name="accept">Called on the accept loop for each request; returns the work that answers it.</param>
    /// <returns>The listening listener.</returns>
    public static LoopbackHttpListener Start(Func<HttpListenerContext, Func<Task>> accept)
    {
        // A free port is only free until someone else takes it; try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            try
            {
                listener.Start();
                return new LoopbackHttpListener(listener, port, accept);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Stops listening and waits for the accept loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

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

            _ = Task.Run(_accept(context));
        }
    }
}
