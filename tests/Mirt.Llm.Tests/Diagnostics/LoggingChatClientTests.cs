using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Mirt.Llm.Diagnostics;
using Mirt.Llm.Errors;
using Mirt.Testing;
using Mirt.Testing.Diagnostics;
using Mirt.Testing.Llm;

namespace Mirt.Llm.Tests.Diagnostics;

public sealed class LoggingChatClientTests
{
    [Fact]
    public async Task GetResponseAsync_Answer_WritesOneCallLineWithTheFacts()
    {
        var log = new CapturingLogger();
        var fake = new FakeChatClient().ThenReply($"Записала {Samples.Phone}", model: "gpt-4o-mini", inputTokens: 321, outputTokens: 54);
        using var client = new LoggingChatClient(fake, log, new ManualTimeProvider());

        await client.GetResponseAsync(Samples.Conversation);

        var line = log.Entries.Where(e => e.Level > LogLevel.Trace).Should().ContainSingle().Subject;
        line.EventName.Should().Be("llm_call");
        line.Level.Should().Be(LogLevel.Information);
        line.Values.Should().Contain("Model", "gpt-4o-mini").And.Contain("Ms", 1.0).And.Contain("InputTokens", 321L)
            .And.Contain("OutputTokens", 54L).And.Contain("Finish", "stop").And.Contain("Outcome", "ok");
    }

    [Fact]
    public async Task GetResponseAsync_AnyOutcome_NothingAboveTraceHoldsCustomerDataOrSecrets()
    {
        var log = new CapturingLogger();
        var fake = new FakeChatClient()
            .ThenReply($"Ваш номер {Samples.Phone}, фото {Samples.PhotoUrl}")
            .ThenThrow(new ProviderException(401, isTransient: false, $"Incorrect API key provided: {Samples.ApiKey} for {Samples.CustomerText}"));
        using var client = new LoggingChatClient(fake, log);

        await client.GetResponseAsync(Samples.Conversation);
        var failing = () => client.GetResponseAsync(Samples.Conversation);
        await failing.Should().ThrowAsync<ProviderException>();

        var visible = log.Entries.Where(e => e.Level > LogLevel.Trace).ToList();
        visible.Select(e => e.EventName).Should().Equal("llm_call", "llm_call_failed");
        var text = string.Join("\n", visible.Select(e => e.Message + " " + string.Join(" ", e.Values.Values)));
        text.Should().NotContain(Samples.CustomerText).And.NotContain("123 45 67").And.NotContain("1234567")
            .And.NotContain("fbsbx").And.NotContain(Samples.ApiKey).And.NotContain("Incorrect API key");
    }

    [Fact]
    public async Task GetResponseAsync_Failure_WritesOutcomeAsReasonAndErrorAsTypeName()
    {
        var log = new CapturingLogger();
        var fake = new FakeChatClient("gpt-main").ThenThrow(new LlmTimeoutException(6000, null));
        using var client = new LoggingChatClient(fake, log);

        var call = () => client.GetResponseAsync(Samples.Conversation);

        await call.Should().ThrowAsync<LlmTimeoutException>();
        var line = log.Named("llm_call_failed").Should().ContainSingle().Subject;
        line.Level.Should().Be(LogLevel.Warning);
        line.Values.Should().Contain("Model", "gpt-main").And.Contain("Outcome", "timeout").And.Contain("Error", nameof(LlmTimeoutException));
    }

    [Fact]
    public async Task GetResponseAsync_AtTrace_TextIsLoggedMaskedAndMediaNeverAppears()
    {
        var log = new CapturingLogger();
        var fake = new FakeChatClient().ThenReply($"Дякую, номер {Samples.Phone} записала");
        using var client = new LoggingChatClient(fake, log);

        await client.GetResponseAsync(Samples.Conversation);

        var messages = log.Named("llm_messages").Should().ContainSingle().Subject;
        messages.Level.Should().Be(LogLevel.Trace);
        messages.Message.Should().Contain(Samples.CustomerText).And.Contain("+*** ** *** ** 67").And.Contain("[media][media]")
            .And.NotContain("123 45").And.NotContain("fbsbx");
        var reply = log.Named("llm_reply").Should().ContainSingle().Subject;
        reply.Level.Should().Be(LogLevel.Trace);
        reply.Message.Should().Contain("+*** ** *** ** 67").And.NotContain("123 45");
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_LogsOutcomeCancelled()
    {
        var log = new CapturingLogger();
        var started = new TaskCompletionSource();
        var fake = new FakeChatClient().ThenHang(started);
        using var client = new LoggingChatClient(fake, log);
        using var caller = new CancellationTokenSource();

        var response = client.GetResponseAsync(Samples.Conversation, cancellationToken: caller.Token);
        await started.Task;
        await caller.CancelAsync();
        var call = () => response;

        await call.Should().ThrowAsync<OperationCanceledException>();
        log.Named("llm_call").Should().ContainSingle().Which.Values["Outcome"].Should().Be("cancelled");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Answer_WritesOneCallLineAtTheEnd()
    {
        var log = new CapturingLogger();
        var fake = new FakeChatClient().ThenReply("Вітаю", model: "gpt-4o", inputTokens: 10, outputTokens: 2);
        using var client = new LoggingChatClient(fake, log);

        await client.GetStreamingResponseAsync(Samples.Conversation).ToListAsync();

        var line = log.Named("llm_call").Should().ContainSingle().Subject;
        line.Values.Should().Contain("Model", "gpt-4o").And.Contain("InputTokens", 10L).And.Contain("Outcome", "ok");
        log.Named("llm_reply").Should().ContainSingle().Which.Message.Should().Contain("Вітаю");
    }
}
