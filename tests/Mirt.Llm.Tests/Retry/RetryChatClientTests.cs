using Microsoft.Extensions.AI;
using Mirt.Llm.Deadline;
using Mirt.Llm.Errors;
using Mirt.Llm.Retry;
using Mirt.Testing.Diagnostics;
using Mirt.Testing.Llm;

namespace Mirt.Llm.Tests.Retry;

public sealed class RetryChatClientTests
{
    private static readonly RetryOptions NoWait = new() { BaseDelayMs = 0, MaxDelayMs = 0, UseJitter = false };

    [Fact]
    public async Task GetResponseAsync_TransientFailureOnce_RetriesAndReturnsTheAnswer()
    {
        var fake = new FakeChatClient().ThenThrow(Samples.Http(503)).ThenReply("Так, є в наявності.");
        var log = new CapturingLogger();
        using var client = new RetryChatClient(fake, NoWait, logger: log);

        var response = await client.GetResponseAsync(Samples.Conversation);

        response.Text.Should().Be("Так, є в наявності.");
        fake.Calls.Should().HaveCount(2);
        var retry = log.Named("llm_retry").Should().ContainSingle().Subject;
        retry.Values["Attempt"].Should().Be(1);
        retry.Values["Reason"].Should().Be("error");
        retry.Values["Error"].Should().Be(nameof(HttpRequestException));
    }

    [Fact]
    public async Task GetResponseAsync_TransientFailureTwice_RetriesOnceByDefaultThenThrows()
    {
        var fake = new FakeChatClient().ThenThrow(Samples.Http(503)).ThenThrow(Samples.Http(502)).ThenReply("never");
        using var client = new RetryChatClient(fake, NoWait);

        var call = () => client.GetResponseAsync(Samples.Conversation);

        (await call.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(System.Net.HttpStatusCode.BadGateway);
        fake.Calls.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(400)]
    public async Task GetResponseAsync_NonTransientFailure_IsNotRetried(int status)
    {
        var fake = new FakeChatClient().ThenThrow(Samples.Http(status)).ThenReply("never");
        using var client = new RetryChatClient(fake, NoWait);

        var call = () => client.GetResponseAsync(Samples.Conversation);

        await call.Should().ThrowAsync<HttpRequestException>();
        fake.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task GetResponseAsync_AdapterSaysNotTransient_IsNotRetried()
    {
        var fake = new FakeChatClient().ThenThrow(new ProviderException(401, isTransient: false)).ThenReply("never");
        using var client = new RetryChatClient(fake, NoWait);

        var call = () => client.GetResponseAsync(Samples.Conversation);

        await call.Should().ThrowAsync<ProviderException>();
        fake.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_IsNotRetried()
    {
        var started = new TaskCompletionSource();
        var fake = new FakeChatClient().ThenHang(started).ThenReply("never");
        using var client = new RetryChatClient(fake, NoWait);
        using var caller = new CancellationTokenSource();

        var response = client.GetResponseAsync(Samples.Conversation, cancellationToken: caller.Token);
        await started.Task;
        await caller.CancelAsync();
        var call = () => response;

        await call.Should().ThrowAsync<OperationCanceledException>();
        fake.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task GetResponseAsync_DeadlineFiresDuringTheWait_DoesNotRetry()
    {
        // The wait before the retry (10 s) is far longer than the deadline (100 ms): the deadline cuts it short.
        var fake = new FakeChatClient().ThenThrow(Samples.Http(503)).ThenReply("never");
        var slowRetry = new RetryOptions { BaseDelayMs = 10_000, MaxDelayMs = 10_000, UseJitter = false };
        using var client = new DeadlineChatClient(new RetryChatClient(fake, slowRetry), new DeadlineOptions { TimeoutMs = 100 });

        var call = () => client.GetResponseAsync(Samples.Conversation);

        await call.Should().ThrowAsync<LlmTimeoutException>();
        fake.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task GetResponseAsync_CustomClassifier_DecidesWhatIsRetried()
    {
        var fake = new FakeChatClient().ThenThrow(new InvalidDataException("odd")).ThenReply("ok");
        using var client = new RetryChatClient(fake, NoWait with { IsTransient = e => e is InvalidDataException });

        var response = await client.GetResponseAsync(Samples.Conversation);

        response.Text.Should().Be("ok");
        fake.Calls.Should().HaveCount(2);
    }

    [Fact]
    public async Task GetResponseAsync_RetriesOff_CallsOnce()
    {
        var fake = new FakeChatClient().ThenThrow(Samples.Http(503)).ThenReply("never");
        using var client = new RetryChatClient(fake, NoWait with { MaxRetries = 0 });

        var call = () => client.GetResponseAsync(Samples.Conversation);

        await call.Should().ThrowAsync<HttpRequestException>();
        fake.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task GetStreamingResponseAsync_FailureBeforeFirstUpdate_IsRetried()
    {
        var fake = new FakeChatClient().ThenThrow(Samples.ConnectionRefused()).ThenReply("Вітаю");
        using var client = new RetryChatClient(fake, NoWait);

        var text = string.Concat(await client.GetStreamingResponseAsync(Samples.Conversation).Select(u => u.Text).ToListAsync());

        text.Should().Be("Вітаю");
        fake.Calls.Should().HaveCount(2).And.OnlyContain(c => c.Streaming);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_FailureAfterFirstUpdate_IsNotRetried()
    {
        var fake = new FakeChatClient { OnGetStreamingResponse = FailAfterOneUpdate };
        using var client = new RetryChatClient(fake, NoWait);
        var received = new List<string>();

        var read = async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Samples.Conversation))
            {
                received.Add(update.Text);
            }
        };

        await read.Should().ThrowAsync<HttpRequestException>();
        received.Should().Equal("Віта");
        fake.Calls.Should().ContainSingle();
    }

    [Theory]
    [InlineData(-1, 200, 1000)]
    [InlineData(6, 200, 1000)]
    [InlineData(1, -1, 1000)]
    [InlineData(1, 500, 100)]
    [InlineData(1, 200, 10_001)]
    public void Ctor_OutOfRange_ThrowsNamingTheProblem(int retries, int baseMs, int maxMs)
    {
        var create = () => new RetryChatClient(new FakeChatClient(), new RetryOptions { MaxRetries = retries, BaseDelayMs = baseMs, MaxDelayMs = maxMs });

        create.Should().Throw<ArgumentException>().WithMessage("RetryOptions are invalid*");
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> FailAfterOneUpdate(FakeChatCall call)
    {
        yield return new ChatResponseUpdate(ChatRole.Assistant, "Віта");
        await Task.Yield();
        throw Samples.Http(503);
    }
}
