using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Mirt.Testing.Hosting;

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
    private readonly ConcurrentQueue<FakeOpenAIRequest> _requests = new();
    private readonly LoopbackHttpListener _http;

    private FakeOpenAIServer()
    {
        _http = LoopbackHttpListener.Start(context => () => AnswerAsync(context));
        Endpoint = new Uri(_http.BaseAddress, "v1");
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
    public static FakeOpenAIServer Start() => new();

    /// <summary>Stops listening and waits for the accept loop to end.</summary>
    public ValueTask DisposeAsync() => _http.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(_http.Stopping);
            }

            var request = new FakeOpenAIRequest(
                context.Request.HttpMethod,
                context.Request.Url?.AbsolutePath ?? "/",
                context.Request.Headers["Authorization"],
                body);
            _requests.Enqueue(request);

            var answer = await OnRequest(request, _http.Stopping);
            await Task.Delay(answer.Delay, _http.Stopping);
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
                    await Task.Delay(answer.PartDelay, _http.Stopping);
                }

                var bytes = Encoding.UTF8.GetBytes(answer.Parts[i]);
                if (!response.SendChunked)
                {
                    response.ContentLength64 = bytes.Length;
                }

                await response.OutputStream.WriteAsync(bytes, _http.Stopping);
                await response.OutputStream.FlushAsync(_http.Stopping);
            }

            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client hung up (cancellation, timeout) or the server is stopping: nothing to answer.
            response.Abort();
        }
    }
}
