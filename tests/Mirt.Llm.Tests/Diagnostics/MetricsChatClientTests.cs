using Microsoft.Extensions.AI;
using Mirt.Graph.Diagnostics;
using Mirt.Llm.Diagnostics;
using Mirt.Llm.Errors;
using Mirt.Testing;
using Mirt.Testing.Diagnostics;
using Mirt.Testing.Llm;

namespace Mirt.Llm.Tests.Diagnostics;

public sealed class MetricsChatClientTests
{
    private static readonly LlmPriceTable Prices = new()
    {
        Models = new Dictionary<string, ModelPrice>
        {
            ["gpt-4o-mini"] = new(0.15m, 0.60m, 0.075m),
            ["gpt-4o"] = new(2.50m, 10.00m),
        },
    };

    [Fact]
    public async Task GetResponseAsync_Answer_RecordsLatencyWithLabelsTokensAndCost()
    {
        using var recorder = MeasurementRecorder.InOwnTrace(LlmTelemetry.MeterName);
        var fake = new FakeChatClient().ThenReply("Так", model: "gpt-4o-mini-2024-07-18", inputTokens: 1000, outputTokens: 500);
        using var client = new MetricsChatClient(fake, Prices, new ManualTimeProvider());

        await client.GetResponseAsync(Samples.Conversation, Labelled());

        var latency = recorder.Of(LlmTelemetry.LlmLatency).Should().ContainSingle().Subject;
        latency.Value.Should().Be(1, "the manual clock moves 1 ms per reading");
        latency.Tags.Should().Contain(TelemetryTags.State, "STATE_3_SIZE_COLOR")
            .And.Contain(TelemetryTags.Intent, "SIZE_HELP")
            .And.Contain(TelemetryTags.Model, "gpt-4o-mini-2024-07-18")
            .And.ContainKey(TelemetryTags.Release);
        recorder.Sum(LlmTelemetry.LlmTokens, (TelemetryTags.Direction, "input")).Should().Be(1000);
        recorder.Sum(LlmTelemetry.LlmTokens, (TelemetryTags.Direction, "output")).Should().Be(500);
        recorder.Sum(LlmTelemetry.LlmCostUsd, (TelemetryTags.Model, "gpt-4o-mini-2024-07-18")).Should().BeApproximately(0.00045, 1e-12);
        recorder.Of(LlmTelemetry.LlmErrors).Should().BeEmpty();
    }

    [Fact]
    public async Task GetResponseAsync_Failure_RecordsLatencyAndOneErrorForTheRequestedModel()
    {
        using var recorder = MeasurementRecorder.InOwnTrace(LlmTelemetry.MeterName);
        var fake = new FakeChatClient().ThenThrow(new LlmTimeoutException(6000, null));
        using var client = new MetricsChatClient(fake, Prices, new ManualTimeProvider());
        var options = Labelled();
        options.ModelId = "gpt-4o";

        var call = () => client.GetResponseAsync(Samples.Conversation, options);

        await call.Should().ThrowAsync<LlmTimeoutException>();
        recorder.Of(LlmTelemetry.LlmLatency).Should().ContainSingle().Which.Tags[TelemetryTags.Model].Should().Be("gpt-4o");
        recorder.Of(LlmTelemetry.LlmErrors).Should().ContainSingle().Which.Tags[TelemetryTags.Model].Should().Be("gpt-4o");
        recorder.Of(LlmTelemetry.LlmTokens).Should().BeEmpty();
    }

    [Fact]
    public async Task GetResponseAsync_NoLabelsNoModel_RecordsUnknownAndTheClientsDefaultModel()
    {
        using var recorder = MeasurementRecorder.InOwnTrace(LlmTelemetry.MeterName);
        var fake = new FakeChatClient("default-model").ThenThrow(Samples.Http(500));
        using var client = new MetricsChatClient(fake);

        var call = () => client.GetResponseAsync(Samples.Conversation);

        await call.Should().ThrowAsync<HttpRequestException>();
        recorder.Of(LlmTelemetry.LlmLatency).Should().ContainSingle().Which.Tags.Should()
            .Contain(TelemetryTags.State, "unknown").And.Contain(TelemetryTags.Intent, "unknown").And.Contain(TelemetryTags.Model, "default-model");
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_RecordsNothing()
    {
        using var recorder = MeasurementRecorder.InOwnTrace(LlmTelemetry.MeterName);
        var started = new TaskCompletionSource();
        var fake = new FakeChatClient().ThenHang(started);
        using var client = new MetricsChatClient(fake);
        using var caller = new CancellationTokenSource();

        var response = client.GetResponseAsync(Samples.Conversation, Labelled(), caller.Token);
        await started.Task;
        await caller.CancelAsync();
        var call = () => response;

        await call.Should().ThrowAsync<OperationCanceledException>();
        recorder.Of(LlmTelemetry.LlmLatency).Should().BeEmpty();
        recorder.Of(LlmTelemetry.LlmErrors).Should().BeEmpty();
    }

    [Fact]
    public async Task GetResponseAsync_ModelMissingFromPriceTable_CountsTokensAtZeroCost()
    {
        using var recorder = MeasurementRecorder.InOwnTrace(LlmTelemetry.MeterName);
        var fake = new FakeChatClient().ThenReply("ok", model: "llama-local", inputTokens: 7, outputTokens: 3);
        using var client = new MetricsChatClient(fake, Prices);

        await client.GetResponseAsync(Samples.Conversation);

        recorder.Sum(LlmTelemetry.LlmTokens).Should().Be(10);
        recorder.Of(LlmTelemetry.LlmCostUsd).Should().ContainSingle().Which.Value.Should().Be(0);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_UsageInUpdates_RecordedWhenTheStreamEnds()
    {
        using var recorder = MeasurementRecorder.InOwnTrace(LlmTelemetry.MeterName);
        var fake = new FakeChatClient().ThenReply("Вітаю", model: "gpt-4o", inputTokens: 2000, outputTokens: 100);
        using var client = new MetricsChatClient(fake, Prices, new ManualTimeProvider());

        await client.GetStreamingResponseAsync(Samples.Conversation, Labelled()).ToListAsync();

        recorder.Of(LlmTelemetry.LlmLatency).Should().ContainSingle().Which.Tags[TelemetryTags.Model].Should().Be("gpt-4o");
        recorder.Sum(LlmTelemetry.LlmTokens, (TelemetryTags.Direction, "input")).Should().Be(2000);
        recorder.Sum(LlmTelemetry.LlmCostUsd).Should().BeApproximately(((2000 * 2.50) + (100 * 10.00)) / 1_000_000, 1e-12);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Failure_RecordsAnError()
    {
        using var recorder = MeasurementRecorder.InOwnTrace(LlmTelemetry.MeterName);
        var fake = new FakeChatClient().ThenThrow(Samples.Http(503));
        using var client = new MetricsChatClient(fake);

        var read = async () => await client.GetStreamingResponseAsync(Samples.Conversation).ToListAsync();

        await read.Should().ThrowAsync<HttpRequestException>();
        recorder.Of(LlmTelemetry.LlmErrors).Should().ContainSingle();
        recorder.Of(LlmTelemetry.LlmLatency).Should().ContainSingle();
    }

    [Fact]
    public void Ctor_NegativePrice_ThrowsNamingTheModel()
    {
        var prices = new LlmPriceTable { Models = new Dictionary<string, ModelPrice> { ["gpt-bad"] = new(-1m, 1m) } };

        var create = () => new MetricsChatClient(new FakeChatClient(), prices);

        create.Should().Throw<ArgumentException>().WithMessage("*'gpt-bad'*");
    }

    private static ChatOptions Labelled() => LlmCallProperties.SetLabels(new ChatOptions(), "STATE_3_SIZE_COLOR", "SIZE_HELP");
}
