using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mirt.Testing.Llm;

/// <summary>
/// A scripted OpenAI-compatible HTTP server on a free loopback port (<see cref="HttpListener"/>, no ASP.NET Core), for
/// what a real model cannot show deterministically: exact request bodies, tool calls, error statuses, slow answers.
/// </summary>
/// <remarks>
/// Set <see cref="OnRequest"/> to script the answers; every request is recorded in <see cref="Requests"/> before it is
/// answered. A client that hangs up mid-answer is ignored. Dispose to stop listening.
/// </remarks>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<FakeOpenAIRequest> _requests = new();
    private readonly Task _loop;

    private FakeOpenAIServer(HttpListener listener, int port)
    {
        _listener = listener;
        Endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/v1");
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Gets the OpenAI-compatible endpoint, <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets or sets the script: the answer to each request. The default answers a one-sentence completion.</summary>
    public Func<FakeOpenAIRequest, CancellationToken, Task<FakeOpenAIResponse>> OnRequest { get; set; } =
        (_, _) => Task.FromResult(FakeOpenAIResponse.Completion("Hello from the fake server."));

    /// <summary>Gets the requests received so far, in arrival order.</summary>
    public IReadOnlyList<FakeOpenAIRequest> Requests => [.. _requests];

    /// <summary>Gets the last request received.</summary>
    public FakeOpenAIRequest LastRequest => Requests[^1];

    /// <summary>Starts a server on a free loopback port.</summary>
    /// <returns>The listening server.</returns>
    public static FakeOpenAIServer Start()
    {
        // The free port is only free until someone else takes it; try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            try
            {
                listener.Start();
                return new FakeOpenAIServer(listener, port);
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

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(_stopping.Token);
            }

            var request = new FakeOpenAIRequest(
                context.Request.HttpMethod,
                context.Request.Url?.AbsolutePath ?? "/",
                context.Request.Headers["Authorization"],
                body);
            _requests.Enqueue(request);

            var answer = await OnRequest(request, _stopping.Token);
            await Task.Delay(answer.Delay, _stopping.Token);
            response.StatusCode = answer.StatusCode;
            response.ContentType = answer.ContentType;
            foreach (var (name, value) in answer.Headers)
            {
                response.AddHeader(name, value);
            }

            response.SendChunked = answer.Parts.Count > 1;
            for (var i = 0; i < answer.Parts.Count; i++)
            {
                if (i > 0)
                {
                    await Task.Delay(answer.PartDelay, _stopping.Token);
                }

                var bytes = Encoding.UTF8.GetBytes(answer.Parts[i]);
                if (!response.SendChunked)
                {
                    response.ContentLength64 = bytes.Length;
                }

                await response.OutputStream.WriteAsync(bytes, _stopping.Token);
                await response.OutputStream.FlushAsync(_stopping.Token);
            }

            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client hung up (cancellation, timeout) or the server is stopping: nothing to answer.
            response.Abort();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
