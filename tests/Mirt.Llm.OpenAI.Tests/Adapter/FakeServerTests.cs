using Microsoft.Extensions.AI;
using Mirt.Testing.Llm;

namespace Mirt.Llm.OpenAI.Tests.Adapter;

/// <summary>Gives each test a fresh fake OpenAI server and, on first use, an adapter client for it; stops both after the test.</summary>
public abstract class FakeServerTests : IAsyncLifetime
{
    private IChatClient? _client;

    /// <summary>Gets the test's fake server.</summary>
    protected FakeOpenAIServer Server { get; } = FakeOpenAIServer.Start();

    /// <summary>Gets an adapter client with the default test options, pointed at <see cref="Server"/>.</summary>
    protected IChatClient Client => _client ??= FakeServerClients.Create(Server);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await Server.DisposeAsync();
    }
}
