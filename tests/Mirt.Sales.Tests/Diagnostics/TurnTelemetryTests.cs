using System.Collections.Concurrent;
using System.Diagnostics;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Diagnostics;
using Mirt.Sales.Assistant;
using Mirt.Sales.Diagnostics;
using Mirt.Testing;
using Mirt.Testing.Diagnostics;

namespace Mirt.Sales.Tests.Diagnostics;

/// <summary>The turn-level counters and the turn span SalesAssistant records (the host test checks them end to end).</summary>
public sealed class TurnTelemetryTests
{
    private static readonly ActivitySource TestSource = new("Mirt.Sales.Tests");

    [Fact]
    public async Task Complaint_IsEscalatedWithItsReason_GreetingIsAutomated()
    {
        using var recorder = MeasurementRecorder.InOwnTrace(SalesTelemetry.MeterName);
        await using var assistant = await CreateAsync(new InMemoryCheckpointSaver());

        await assistant.SayAsync("t-1", "Добрий день");
        await assistant.SayAsync("t-1", "Хочу повернути гроші, сукня з браком");

        recorder.Sum(SalesTelemetry.Turns, (TelemetryTags.Outcome, TurnOutcomes.Automated)).Should().Be(1);
        recorder.Sum(SalesTelemetry.Turns, (TelemetryTags.Outcome, TurnOutcomes.Escalated)).Should().Be(1);
        recorder.Of(SalesTelemetry.Escalations).Should().ContainSingle().Which.Tags[TelemetryTags.Reason].Should().Be("COMPLAINT");
        recorder.Sum(SalesTelemetry.DegradedReplies).Should().Be(2);
        recorder.Of(SalesTelemetry.Orders).Should().BeEmpty();
    }

    [Fact]
    public async Task StoreFailure_CountsAFailedTurnAndRethrows()
    {
        using var recorder = MeasurementRecorder.InOwnTrace(SalesTelemetry.MeterName, GraphTelemetry.MeterName);
        await using var assistant = await CreateAsync(new BrokenSaver(new InMemoryCheckpointSaver()));

        var turn = () => assistant.SayAsync("t-1", "Добрий день");

        await turn.Should().ThrowAsync<IOException>();
        recorder.Of(SalesTelemetry.Turns).Should().ContainSingle().Which.Tags[TelemetryTags.Outcome].Should().Be(TurnOutcomes.Failed);
        recorder.Of(GraphTelemetry.CheckpointerErrors).Should().ContainSingle().Which.Tags[TelemetryTags.Operation].Should().Be("put");
    }

    [Fact]
    public async Task TurnSpan_CarriesMaskedThreadStateIntentOutcome_NeverTheRawThread()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SalesTelemetry.ActivitySourceName or GraphTelemetry.ActivitySourceName or "Mirt.Sales.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var test = TestSource.StartActivity("test");
        await using var assistant = await CreateAsync(new InMemoryCheckpointSaver());

        await assistant.SayAsync("+380671234567", "Хочу повернути гроші, сукня з браком");

        var turn = spans.Single(s => s.DisplayName == SalesTelemetry.TurnSpan && s.TraceId == test!.TraceId);
        turn.GetTagItem(TelemetryTags.Release).Should().Be("stable");
        turn.GetTagItem(TelemetryTags.ThreadHash).Should().Be(ThreadIdMask.Hash("+380671234567"));
        turn.GetTagItem(TelemetryTags.State).Should().Be("STATE_8_COMPLAINT");
        turn.GetTagItem(TelemetryTags.Intent).Should().Be("COMPLAINT");
        turn.GetTagItem(TelemetryTags.Outcome).Should().Be(TurnOutcomes.Escalated);
        var steps = spans.Where(s => s.ParentSpanId == turn.SpanId).Select(s => s.GetTagItem(TelemetryTags.Node)).ToList();
        steps.Should().Equal("moderation", "intent", "complaint", "compose", "reply");
        spans.Where(s => s.TraceId == turn.TraceId).SelectMany(s => s.TagObjects)
            .Should().NotContain(t => t.Value != null && t.Value.ToString()!.Contains("0671234567"));
    }

    private static Task<SalesAssistant> CreateAsync(ICheckpointSaver saver) => SalesAssistant.CreateAsync(new SalesAssistantOptions
    {
        Saver = saver,
        PromptsDirectory = RepoPaths.Prompts,
        Time = new ManualTimeProvider(),
        Ids = new SequentialIdGenerator(),
    });

    /// <summary>Fails every put, as a store whose disk is gone would.</summary>
    private sealed class BrokenSaver(ICheckpointSaver inner) : DelegatingCheckpointSaver(inner)
    {
        public override Task<CheckpointConfig> PutAsync(CheckpointConfig config, Checkpoint checkpoint, CheckpointMetadata metadata, IReadOnlyDictionary<string, long>? newVersions = null, ExpectedHead expectedHead = default, CancellationToken cancellationToken = default) =>
            throw new IOException("The disk is gone.");
    }
}
