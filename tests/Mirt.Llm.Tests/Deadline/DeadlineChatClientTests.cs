using Microsoft.Extensions.AI;
using Mirt.Llm.Deadline;
using Mirt.Llm.Errors;
using Mirt.Testing.Llm;

namespace Mirt.Llm.Tests.Deadline;

/// <summary>The deadline tests wait for real timers, but never assert durations: an inner call that hangs until
/// cancelled can only end through the deadline (or the caller), however slow the machine is.</summary>
public sealed class DeadlineChatClientTests
{
    [Fact]
    public async Task GetResponseAsync_InnerOutlivesDeadline_ThrowsLlmTimeoutExceptionAndCancelsInner()
    {
        var fake = new FakeChatClient().ThenHang();
        using var client = new DeadlineChatClient(fake, new DeadlineOptions { TimeoutMs = 50 });

        var call = () => client.GetResponseAsync(Samples.Conversation);

        var thrown = await call.Should().ThrowAsync<LlmTimeoutException>();
        thrown.Which.DeadlineMs.Should().Be(50);
        thrown.Which.Reason.Should().Be(LlmFailureReason.Timeout);
        thrown.Which.InnerException.Should().BeAssignableTo<OperationCanceledException>();
        fake.Calls.Should().ContainSingle().Which.CancellationToken.IsCancellationRequested.Should().BeTrue();
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        var started = new TaskCompletionSource();
        var fake = new FakeChatClient().ThenHang(started);
        using var client = new DeadlineChatClient(fake, new DeadlineOptions { TimeoutMs = 600_000 });
        using var caller = new CancellationTokenSource();

        var response = client.GetResponseAsync(Samples.Conversation, cancellationToken: caller.Token);
        await started.Task;
        await caller.CancelAsync();
        var call = () => response;

        var thrown = await call.Should().ThrowAsync<OperationCanceledException>();
        thrown.Which.Should().NotBeAssignableTo<LlmUnavailableException>();
        fake.Calls.Single().CancellationToken.IsCancellationRequested.Should().BeTrue();
    }

    [Fact]
    public async Task GetResponseAsync_AnswerInTime_ReturnsItUntouched()
    {
        var fake = new FakeChatClient().ThenReply("Вітаю!");
        using var client = new DeadlineChatClient(fake);

        var response = await client.GetResponseAsync(Samples.Conversation);

        response.Text.Should().Be("Вітаю!");
        fake.Calls.Single().CancellationToken.IsCancellationRequested.Should().BeFalse();
    }

    [Fact]
    public async Task GetResponseAsync_CallSetsItsOwnDeadline_UsesIt()
    {
        var fake = new FakeChatClient().ThenHang();
        using var client = new DeadlineChatClient(fake, new DeadlineOptions { TimeoutMs = 600_000 });
        var options = LlmCallProperties.SetDeadline(new ChatOptions(), 40);

        var call = () => client.GetResponseAsync(Samples.Conversation, options);

        (await call.Should().ThrowAsync<LlmTimeoutException>()).Which.DeadlineMs.Should().Be(40);
    }

    [Fact]
    public async Task GetResponseAsync_InnerThrowsTransportErrorAfterDeadline_ReportsTimeout()
    {
        var fake = new FakeChatClient().Then(async call =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, call.CancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            throw Samples.ConnectionRefused();
        });
        using var client = new DeadlineChatClient(fake, new DeadlineOptions { TimeoutMs = 30 });

        var call = () => client.GetResponseAsync(Samples.Conversation);

        (await call.Should().ThrowAsync<LlmTimeoutException>()).Which.InnerException.Should().BeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task GetResponseAsync_InnerFailsBeforeDeadline_PassesTheFailureOn()
    {
        var fake = new FakeChatClient().ThenThrow(Samples.Http(503));
        using var client = new DeadlineChatClient(fake);

        var call = () => client.GetResponseAsync(Samples.Conversation);

        await call.Should().ThrowExactlyAsync<HttpRequestException>();
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamOutlivesDeadline_ThrowsLlmTimeoutExceptionAfterFirstUpdate()
    {
        var fake = new FakeChatClient { OnGetStreamingResponse = HangAfterOneUpdate };
        using var client = new DeadlineChatClient(fake, new DeadlineOptions { TimeoutMs = 50 });
        var received = new List<string>();

        var read = async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Samples.Conversation))
            {
                received.Add(update.Text);
            }
        };

        await read.Should().ThrowAsync<LlmTimeoutException>();
        received.Should().Equal("Віта");
        fake.Calls.Single().CancellationToken.IsCancellationRequested.Should().BeTrue();
    }

    [Fact]
    public async Task GetStreamingResponseAsync_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        var fake = new FakeChatClient { OnGetStreamingResponse = HangAfterOneUpdate };
        using var client = new DeadlineChatClient(fake, new DeadlineOptions { TimeoutMs = 600_000 });
        using var caller = new CancellationTokenSource();

        var read = async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Samples.Conversation, cancellationToken: caller.Token))
            {
                await caller.CancelAsync();
            }
        };

        (await read.Should().ThrowAsync<OperationCanceledException>()).Which.Should().NotBeAssignableTo<LlmUnavailableException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(600_001)]
    public void Ctor_TimeoutOutOfRange_ThrowsNamingTheOption(int timeoutMs)
    {
        var create = () => new DeadlineChatClient(new FakeChatClient(), new DeadlineOptions { TimeoutMs = timeoutMs });

        create.Should().Throw<ArgumentException>().WithMessage("*DeadlineOptions.TimeoutMs*");
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> HangAfterOneUpdate(FakeChatCall call)
    {
        yield return new ChatResponseUpdate(ChatRole.Assistant, "Віта");
        await Task.Delay(Timeout.Infinite, call.CancellationToken);
    }
}
