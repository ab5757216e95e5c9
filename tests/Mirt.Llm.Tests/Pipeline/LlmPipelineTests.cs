using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Mirt.Graph.Diagnostics;
using Mirt.Llm.Deadline;
using Mirt.Llm.Diagnostics;
using Mirt.Llm.Errors;
using Mirt.Llm.Fallback;
using Mirt.Llm.Pipeline;
using Mirt.Llm.Retry;
using Mirt.Testing;
using Mirt.Testing.Diagnostics;
using Mirt.Testing.Llm;

namespace Mirt.Llm.Tests.Pipeline;

/// <summary>The default pipeline end to end over a scripted adapter: logging → metrics → deadline → fallback → retry.</summary>
public sealed class LlmPipelineTests
{
    private static readonly LlmPipelineOptions Options = new()
    {
        Retry = new RetryOptions { BaseDelayMs = 0, MaxDelayMs = 0, UseJitter = false },
        Fallback = new FallbackOptions { Models = ["gpt-4o"] },
        Prices = new LlmPriceTable { Models = new Dictionary<string, ModelPrice> { ["gpt-4o"] = new(2.50m, 10.00m) } },
    };

    [Fact]
    public async Task CreateDefault_TransientErrorTwice_RetriedOnceThenFallbackModelAnswers()
    {
        using var recorder = MeasurementRecorder.InOwnTrace(LlmTelemetry.MeterName);
        var log = new CapturingLogger();
        var fake = new FakeChatClient("gpt-4o-mini").ThenThrow(Samples.Http(503)).ThenThrow(Samples.Http(503)).ThenReply("Так, є", inputTokens: 1000, outputTokens: 100);
        using var client = LlmPipeline.CreateDefault(fake, Options, log, new ManualTimeProvider());

        var response = await client.GetResponseAsync(Samples.Conversation, Labelled());

        response.Text.Should().Be("Так, є");
        response.ModelId.Should().Be("gpt-4o");
        fake.Calls.Select(c => c.ModelId).Should().Equal(null, null, "gpt-4o");
        log.Named("llm_retry").Should().ContainSingle();
        log.Named("llm_fallback").Should().ContainSingle().Which.Values["To"].Should().Be("gpt-4o");
        log.Named("llm_call").Should().ContainSingle().Which.Values["Model"].Should().Be("gpt-4o");
        recorder.Of(LlmTelemetry.LlmLatency).Should().ContainSingle().Which.Tags[TelemetryTags.Model].Should().Be("gpt-4o");
        recorder.Of(LlmTelemetry.LlmErrors).Should().BeEmpty("the logical call succeeded");
        recorder.Sum(LlmTelemetry.LlmCostUsd).Should().BeApproximately(((1000 * 2.50) + (100 * 10.00)) / 1_000_000, 1e-12);
    }

    [Fact]
    public async Task CreateDefault_AuthErrorOnEveryModel_NotRetriedAndUnavailableWithReasonAuth()
    {
        using var recorder = MeasurementRecorder.InOwnTrace(LlmTelemetry.MeterName);
        var log = new CapturingLogger();
        var fake = new FakeChatClient("gpt-4o-mini").ThenThrow(Samples.Http(401)).ThenThrow(Samples.Http(401)).ThenReply("never");
        using var client = LlmPipeline.CreateDefault(fake, Options, log);

        var call = () => client.GetResponseAsync(Samples.Conversation, Labelled());

        var thrown = (await call.Should().ThrowExactlyAsync<LlmUnavailableException>()).Which;
        thrown.Reason.Should().Be(LlmFailureReason.Auth);
        thrown.Models.Should().Equal("gpt-4o-mini", "gpt-4o");
        fake.Calls.Should().HaveCount(2, "one call per model, no retries");
        log.Named("llm_retry").Should().BeEmpty();
        log.Named("llm_call_failed").Should().ContainSingle().Which.Values["Outcome"].Should().Be("auth");
        recorder.Of(LlmTelemetry.LlmErrors).Should().ContainSingle().Which.Tags[TelemetryTags.Model].Should().Be("gpt-4o-mini");
    }

    [Fact]
    public async Task CreateDefault_ModelHangs_DeadlineFiresCancelsTheCallAndNoFallbackStarts()
    {
        using var recorder = MeasurementRecorder.InOwnTrace(LlmTelemetry.MeterName);
        var log = new CapturingLogger();
        var fake = new FakeChatClient().ThenHang().ThenReply("never");
        using var client = LlmPipeline.CreateDefault(fake, Options with { Deadline = new DeadlineOptions { TimeoutMs = 50 } }, log);

        var call = () => client.GetResponseAsync(Samples.Conversation, Labelled());

        var thrown = (await call.Should().ThrowAsync<LlmTimeoutException>()).Which;
        thrown.Reason.Should().Be(LlmFailureReason.Timeout);
        fake.Calls.Should().ContainSingle().Which.CancellationToken.IsCancellationRequested.Should().BeTrue();
        log.Named("llm_call_failed").Should().ContainSingle().Which.Values["Outcome"].Should().Be("timeout");
        recorder.Of(LlmTelemetry.LlmErrors).Should().ContainSingle();
    }

    [Fact]
    public async Task CreateDefault_CallerCancels_OperationCanceledNotTimeoutNorUnavailable()
    {
        var started = new TaskCompletionSource();
        var fake = new FakeChatClient().ThenHang(started).ThenReply("never");
        using var client = LlmPipeline.CreateDefault(fake, Options);
        using var caller = new CancellationTokenSource();

        var response = client.GetResponseAsync(Samples.Conversation, cancellationToken: caller.Token);
        await started.Task;
        await caller.CancelAsync();
        var call = () => response;

        (await call.Should().ThrowAsync<OperationCanceledException>()).Which.Should().NotBeAssignableTo<LlmUnavailableException>();
        fake.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task CreateDefault_Streaming_FallsBackAndLogsOnce()
    {
        var log = new CapturingLogger();
        var fake = new FakeChatClient().ThenThrow(Samples.Http(500)).ThenThrow(Samples.Http(500)).ThenReply("Вітаю");
        using var client = LlmPipeline.CreateDefault(fake, Options, log);

        var updates = await client.GetStreamingResponseAsync(Samples.Conversation).ToListAsync();

        string.Concat(updates.Select(u => u.Text)).Should().Be("Вітаю");
        log.Named("llm_call").Should().ContainSingle().Which.Values["Model"].Should().Be("gpt-4o");
    }

    [Fact]
    public void CreateDefault_NoLoggerFactory_LeavesLoggingOut()
    {
        using var client = LlmPipeline.CreateDefault(new FakeChatClient(), new LlmPipelineOptions());

        LlmPipelineBuilderTests.Chain(client).Should().Equal(typeof(MetricsChatClient), typeof(DeadlineChatClient),
            typeof(FallbackChatClient), typeof(RetryChatClient), typeof(FakeChatClient));
    }

    [Fact]
    public void CreateDefault_Dispose_DisposesTheAdapter()
    {
        var fake = new FakeChatClient();

        LlmPipeline.CreateDefault(fake, new LlmPipelineOptions()).Dispose();

        fake.Disposed.Should().BeTrue();
    }

    private static ChatOptions Labelled() => LlmCallProperties.SetLabels(new ChatOptions(), "STATE_1_DISCOVERY", "DISCOVERY_OR_QUESTION");
}
