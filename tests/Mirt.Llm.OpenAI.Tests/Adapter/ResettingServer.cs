using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Mirt.Testing.Llm;

namespace Mirt.Llm.OpenAI.Tests.Adapter;

/// <summary>
/// A raw TCP server that starts a streamed chat completion, sends one chunk, then resets the connection — what
/// <see cref="FakeOpenAIServer"/> cannot do, because <see cref="HttpListener"/> always ends a response cleanly.
/// </summary>
internal sealed class ResettingServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Task _loop;

    private ResettingServer(TcpListener listener)
    {
        _listener = listener;
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/v1");
        _loop = Task.Run(AnswerOnceAsync);
    }

    public Uri Endpoint { get; }

    public static ResettingServer Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new ResettingServer(listener);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (SocketException)
        {
            // Stopped before a client connected.
        }
    }

    private async Task AnswerOnceAsync()
    {
        using var socket = await _listener.AcceptSocketAsync();
        var request = new byte[64 * 1024];
        _ = await socket.ReceiveAsync(request);
        var chunk = $"data: {FakeOpenAIResponse.Chunk("Так", withRole: true).ToJsonString()}\n\n";
        var size = Encoding.UTF8.GetByteCount(chunk).ToString("X", CultureInfo.InvariantCulture);
        var head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
        _ = await socket.SendAsync(Encoding.UTF8.GetBytes($"{head}{size}\r\n{chunk}\r\n"));
        await Task.Delay(200);
        // Linger 0: close with a TCP reset, not a clean end of stream.
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }
}
