using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using Mirt.Testing.Llm;

namespace Mirt.Llm.OpenAI.Tests.Adapter;

/// <summary>Network failures, timeouts, cancellation and the SDK retry count, against a fake server.</summary>
public sealed class OpenAIChatClientTransportTests : FakeServerTests
{
    [Fact]
    public async Task GetStreamingResponseAsync_ConnectionResetMidStream_ThrowsTransientLlmTransportException()
    {
        await using var server = ResettingServer.Start();
        using var client = OpenAIChatClientFactory.Create(new OpenAIChatClientOptions
        {
            Endpoint = server.Endpoint,
            ApiKey = FakeServerClients.ApiKey,
            Model = FakeServerClients.DefaultModel,
        });
        var received = new List<ChatResponseUpdate>();

        var consume = async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("Привіт"))
            {
                received.Add(update);
            }
        };

        var thrown = await consume.Should().ThrowAsync<LlmTransportException>();
        thrown.Which.IsTransient.Should().BeTrue();
        received.Should().ContainSingle("the chunk before the reset was delivered").Which.Text.Should().Be("Так");
    }

    [Fact]
    public async Task GetResponseAsync_NothingListening_ThrowsTransientLlmTransportException()
    {
        using var client = OpenAIChatClientFactory.Create(new OpenAIChatClientOptions
        {
            Endpoint = new Uri($"http://127.0.0.1:{ClosedPort()}/v1"),
            ApiKey = FakeServerClients.ApiKey,
            Model = FakeServerClients.DefaultModel,
        });

        var thrown = await client.Invoking(c => c.GetResponseAsync("Привіт")).Should().ThrowAsync<LlmTransportException>();

        thrown.Which.IsTransient.Should().BeTrue();
        thrown.Which.StatusCode.Should().BeNull();
        thrown.Which.Message.Should().Contain("MIRT_LLM_ENDPOINT");
    }

    [Fact]
    public async Task GetResponseAsync_ServerSlowerThanNetworkTimeout_ThrowsTransientLlmNetworkTimeoutException()
    {
        Answer(FakeOpenAIResponse.Completion("late") with { Delay = TimeSpan.FromSeconds(20) });
        using var client = FakeServerClients.Create(Server, o => o.NetworkTimeout = TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var thrown = await client.Invoking(c => c.GetResponseAsync("Привіт")).Should().ThrowAsync<LlmNetworkTimeoutException>();

        thrown.Which.IsTransient.Should().BeTrue();
        thrown.Which.InnerException.Should().BeOfType<TimeoutException>("the middleware labels a failure with a timeout inside it 'timeout'")
            .Which.InnerException.Should().BeAssignableTo<OperationCanceledException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the 300 ms timeout, not the 20 s answer, ends the call");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamStallsLongerThanNetworkTimeout_ThrowsLlmNetworkTimeoutException()
    {
        Answer(FakeOpenAIResponse.Stream(FakeOpenAIResponse.Chunk("Так", withRole: true), FakeOpenAIResponse.Chunk(" ні", "stop"))
            with { PartDelay = TimeSpan.FromSeconds(20) });
        using var client = FakeServerClients.Create(Server, o => o.NetworkTimeout = TimeSpan.FromMilliseconds(500));
        var received = new List<ChatResponseUpdate>();

        var consume = async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("Привіт"))
            {
                received.Add(update);
            }
        };

        await consume.Should().ThrowAsync<LlmNetworkTimeoutException>();
        received.Should().ContainSingle().Which.Text.Should().Be("Так");
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_ThrowsOperationCanceledExceptionPromptly()
    {
        Answer(FakeOpenAIResponse.Completion("late") with { Delay = TimeSpan.FromSeconds(20) });
        using var client = FakeServerClients.Create(Server);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var thrown = await client.Invoking(c => c.GetResponseAsync("Привіт", cancellationToken: deadline.Token)).Should().ThrowAsync<OperationCanceledException>();

        thrown.Which.Should().NotBeAssignableTo<LlmException>();
        thrown.Which.CancellationToken.Should().Be(deadline.Token);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_CallerCancelsMidStream_ThrowsOperationCanceledExceptionPromptly()
    {
        Answer(FakeOpenAIResponse.Stream(FakeOpenAIResponse.Chunk("Так", withRole: true), FakeOpenAIResponse.Chunk(" ні", "stop"))
            with { PartDelay = TimeSpan.FromSeconds(20) });
        using var client = FakeServerClients.Create(Server);
        using var deadline = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        var consume = async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("Привіт", cancellationToken: deadline.Token))
            {
                clock.Restart();
                await deadline.CancelAsync();
            }
        };

        var thrown = await consume.Should().ThrowAsync<OperationCanceledException>();
        thrown.Which.Should().NotBeAssignableTo<LlmException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task GetResponseAsync_DefaultMaxRetries_SendsOneRequestOnAServerError()
    {
        Answer(FakeOpenAIResponse.Error(503, "Overloaded.", headers: new Dictionary<string, string> { ["retry-after-ms"] = "10" }));
        using var client = FakeServerClients.Create(Server);

        await client.Invoking(c => c.GetResponseAsync("Привіт")).Should().ThrowAsync<LlmServerException>();

        Server.Requests.Should().ContainSingle("the SDK's own retries are off by default");
    }

    [Fact]
    public async Task GetResponseAsync_MaxRetriesTwo_SendsThreeRequestsOnAServerError()
    {
        Answer(FakeOpenAIResponse.Error(503, "Overloaded.", headers: new Dictionary<string, string> { ["retry-after-ms"] = "10" }));
        using var client = FakeServerClients.Create(Server, o => o.MaxRetries = 2);

        await client.Invoking(c => c.GetResponseAsync("Привіт")).Should().ThrowAsync<LlmServerException>();

        Server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task GetResponseAsync_MaxRetriesOneAndARecoveringServer_ReturnsTheSecondAnswer()
    {
        var calls = 0;
        Server.OnRequest = (_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? FakeOpenAIResponse.Error(500, "Oops.", headers: new Dictionary<string, string> { ["retry-after-ms"] = "10" })
            : FakeOpenAIResponse.Completion("Друга спроба."));
        using var client = FakeServerClients.Create(Server, o => o.MaxRetries = 1);

        var response = await client.GetResponseAsync("Привіт");

        response.Text.Should().Be("Друга спроба.");
        Server.Requests.Should().HaveCount(2);
    }

    private void Answer(FakeOpenAIResponse response) => Server.OnRequest = (_, _) => Task.FromResult(response);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
