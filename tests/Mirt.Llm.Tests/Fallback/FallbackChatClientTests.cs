using Microsoft.Extensions.AI;
using Mirt.Llm.Errors;
using Mirt.Llm.Fallback;
using Mirt.Testing.Diagnostics;
using Mirt.Testing.Llm;

namespace Mirt.Llm.Tests.Fallback;

public sealed class FallbackChatClientTests
{
    private static readonly FallbackOptions OneFallback = new() { Models = ["backup-model"] };

    [Fact]
    public async Task GetResponseAsync_PrimaryFails_AsksTheFallbackModelAndSaysWhoAnswered()
    {
        var fake = new FakeChatClient("primary-model").ThenThrow(Samples.Http(500)).ThenReply("Відповідь");
        var log = new CapturingLogger();
        using var client = new FallbackChatClient(fake, OneFallback, log);
        var options = new ChatOptions { Temperature = 0.2f };

        var response = await client.GetResponseAsync(Samples.Conversation, options);

        response.Text.Should().Be("Відповідь");
        response.ModelId.Should().Be("backup-model");
        fake.Calls.Select(c => c.ModelId).Should().Equal(null, "backup-model");
        fake.Calls[1].Options!.Temperature.Should().Be(0.2f);
        options.ModelId.Should().BeNull("the caller's options are never changed");
        var line = log.Named("llm_fallback").Should().ContainSingle().Subject;
        line.Values["From"].Should().Be("primary-model");
        line.Values["To"].Should().Be("backup-model");
        line.Values["Reason"].Should().Be("error");
    }

    [Fact]
    public async Task GetResponseAsync_PrimaryAnswers_FallbackIsNotAsked()
    {
        var fake = new FakeChatClient().ThenReply("Так");
        using var client = new FallbackChatClient(fake, OneFallback);

        var response = await client.GetResponseAsync(Samples.Conversation, new ChatOptions { ModelId = "gpt-main" });

        response.ModelId.Should().Be("gpt-main");
        fake.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task GetResponseAsync_EveryModelFails_ThrowsUnavailableWithThePrimaryReason()
    {
        var primaryFailure = Samples.Http(401);
        var fake = new FakeChatClient("primary-model").ThenThrow(primaryFailure).ThenThrow(Samples.Http(500));
        using var client = new FallbackChatClient(fake, OneFallback);

        var call = () => client.GetResponseAsync(Samples.Conversation);

        var thrown = (await call.Should().ThrowExactlyAsync<LlmUnavailableException>()).Which;
        thrown.Reason.Should().Be(LlmFailureReason.Auth);
        thrown.Models.Should().Equal("primary-model", "backup-model");
        thrown.InnerException.Should().BeSameAs(primaryFailure);
        thrown.Message.Should().Contain("auth").And.Contain("primary-model").And.Contain("backup-model");
    }

    [Fact]
    public async Task GetResponseAsync_NoFallbackModels_PrimaryFailureBecomesUnavailable()
    {
        var fake = new FakeChatClient().ThenThrow(new TimeoutException("transport"));
        using var client = new FallbackChatClient(fake);

        var call = () => client.GetResponseAsync(Samples.Conversation);

        (await call.Should().ThrowAsync<LlmUnavailableException>()).Which.Reason.Should().Be(LlmFailureReason.Timeout);
        fake.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_NoFallbackAndCancellationSurfaces()
    {
        var started = new TaskCompletionSource();
        var fake = new FakeChatClient().ThenHang(started).ThenReply("never");
        using var client = new FallbackChatClient(fake, OneFallback);
        using var caller = new CancellationTokenSource();

        var response = client.GetResponseAsync(Samples.Conversation, cancellationToken: caller.Token);
        await started.Task;
        await caller.CancelAsync();
        var call = () => response;

        (await call.Should().ThrowAsync<OperationCanceledException>()).Which.Should().NotBeAssignableTo<LlmUnavailableException>();
        fake.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task GetResponseAsync_FallbackEqualsPrimary_IsSkipped()
    {
        var fake = new FakeChatClient().ThenThrow(Samples.Http(500)).ThenReply("from c");
        using var client = new FallbackChatClient(fake, new FallbackOptions { Models = ["model-a", "model-c"] });

        var response = await client.GetResponseAsync(Samples.Conversation, new ChatOptions { ModelId = "model-a" });

        response.ModelId.Should().Be("model-c");
        fake.Calls.Select(c => c.ModelId).Should().Equal("model-a", "model-c");
    }

    [Fact]
    public async Task GetResponseAsync_ProviderNamesNoModel_ReportsTheModelRequested()
    {
        var fake = new FakeChatClient()
            .ThenThrow(Samples.Http(503))
            .Then(call => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"))));
        using var client = new FallbackChatClient(fake, OneFallback);

        var response = await client.GetResponseAsync(Samples.Conversation);

        response.ModelId.Should().Be("backup-model");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_PrimaryFailsBeforeFirstUpdate_StreamsTheFallback()
    {
        var fake = new FakeChatClient().ThenThrow(Samples.Http(503)).ThenReply("Вітаю");
        using var client = new FallbackChatClient(fake, OneFallback);

        var updates = await client.GetStreamingResponseAsync(Samples.Conversation).ToListAsync();

        string.Concat(updates.Select(u => u.Text)).Should().Be("Вітаю");
        updates.Should().OnlyContain(u => u.ModelId == "backup-model");
        fake.Calls.Select(c => c.ModelId).Should().Equal(null, "backup-model");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_EveryModelFails_ThrowsUnavailable()
    {
        var fake = new FakeChatClient().ThenThrow(Samples.Http(429)).ThenThrow(Samples.Http(429));
        using var client = new FallbackChatClient(fake, OneFallback);

        var read = async () => await client.GetStreamingResponseAsync(Samples.Conversation).ToListAsync();

        (await read.Should().ThrowAsync<LlmUnavailableException>()).Which.Reason.Should().Be(LlmFailureReason.RateLimited);
    }

    [Fact]
    public void Ctor_EmptyModelName_ThrowsNamingTheOption()
    {
        var create = () => new FallbackChatClient(new FakeChatClient(), new FallbackOptions { Models = ["gpt-x", " "] });

        create.Should().Throw<ArgumentException>().WithMessage("FallbackOptions.Models*");
    }
}
