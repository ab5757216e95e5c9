using Xunit;

namespace Mirt.Testing.Llm;

/// <summary>
/// An xUnit fixture that hands test classes the process-wide llama-server (<see cref="LlamaServer.GetSharedAsync"/>), so
/// every class of a test run shares one server and classes still run in parallel (it serves
/// <see cref="LlamaServerOptions.Slots"/> requests at once and queues the rest). Use it as
/// <c>IClassFixture&lt;LlamaServerFixture&gt;</c>, or as a collection fixture under a
/// <c>[CollectionDefinition]</c> in the test project.
/// </summary>
public sealed class LlamaServerFixture : IAsyncLifetime
{
    private LlamaServer? _server;

    /// <summary>Gets the shared server.</summary>
    public LlamaServer Server => _server ?? throw new InvalidOperationException("The server is started in InitializeAsync.");

    /// <summary>Gets the OpenAI-compatible endpoint, <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public Uri Endpoint => Server.Endpoint;

    /// <summary>Gets the API key the server requires.</summary>
    public string ApiKey => Server.ApiKey;

    /// <summary>Gets the model id to send.</summary>
    public string Model => Server.Model;

    /// <summary>Creates an <see cref="HttpClient"/> whose base address is the server's root and that sends the API key.</summary>
    /// <returns>A client the caller disposes.</returns>
    public HttpClient CreateHttpClient()
    {
        var http = new HttpClient { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        return http;
    }

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await LlamaServer.GetSharedAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask; // the shared server lives until the process exits
}
