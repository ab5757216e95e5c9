using System.Collections.Concurrent;
using System.Diagnostics;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Diagnostics;
using Mirt.Graph.Execution;
using Mirt.Graph.Tests.Execution;
using Mirt.Testing;
using Mirt.Testing.Diagnostics;

namespace Mirt.Graph.Tests.Diagnostics;

/// <summary>The runner's per-step telemetry: agent_step_latency_ms, the agent_step log line and span.</summary>
public sealed class StepTelemetryTests
{
    private readonly string _release = "test-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task RunTurn_RecordsEveryStepWithNodeReleaseAndRunnerClock()
    {
        using var recorder = new MeasurementRecorder(_release, GraphTelemetry.MeterName);
        using var _ = TelemetryContext.UseRelease(_release);
        var log = new CapturingLogger();
        var runner = new GraphRunner(TestGraphs.Visiting("a", "b"), new InMemoryCheckpointSaver(), Options(log));

        await runner.RunTurnAsync("t-1", TestKeys.Say("hi"));

        var steps = recorder.Of(GraphTelemetry.AgentStepLatency);
        steps.Select(s => s.Tags[TelemetryTags.Node]).Should().Equal("a", "b");
        steps.Should().OnlyContain(s => s.Value > 0 && s.Value < 10, "the manual clock moves 1 ms per read");
        log.Named("agent_step").Select(l => (l.Values["Node"], l.Values["Step"])).Should().Equal(("a", (object)0), ("b", (object)1));
    }

    [Fact]
    public async Task FailingNode_IsTimedAndLoggedAsFailed()
    {
        using var recorder = new MeasurementRecorder(_release, GraphTelemetry.MeterName);
        using var _ = TelemetryContext.UseRelease(_release);
        var log = new CapturingLogger();
        var graph = TestGraphs.Chain(("boom", new TestNode(_ => throw new InvalidOperationException("broken"))));
        var runner = new GraphRunner(graph, new InMemoryCheckpointSaver(), Options(log));

        var turn = () => runner.RunTurnAsync("t-1", TestKeys.Say("hi"));

        await turn.Should().ThrowAsync<GraphExecutionException>();
        recorder.Of(GraphTelemetry.AgentStepLatency).Should().ContainSingle().Which.Tags[TelemetryTags.Node].Should().Be("boom");
        log.Named("agent_step_failed").Should().ContainSingle().Which.Message.Should().Contain("error=InvalidOperationException");
    }

    [Fact]
    public async Task Spans_OnePerStep_CarryMaskedThreadNeverTheRawId()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GraphTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var _ = TelemetryContext.UseRelease(_release);
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a", "b"));

        await runner.RunTurnAsync("380671234567", TestKeys.Say("hi"));

        var mine = spans.Where(s => (string?)s.GetTagItem(TelemetryTags.Release) == _release).ToList();
        mine.Select(s => s.DisplayName).Should().Equal("agent_step", "agent_step");
        mine.Select(s => s.GetTagItem(TelemetryTags.Node)).Should().Equal("a", "b");
        mine.Should().OnlyContain(s => (string?)s.GetTagItem(TelemetryTags.ThreadHash) == ThreadIdMask.Hash("380671234567"));
        mine.SelectMany(s => s.TagObjects).Should().NotContain(t => t.Value != null && t.Value.ToString()!.Contains("0671234567"));
    }

    private static GraphRunnerOptions Options(CapturingLogger log) => new()
    {
        Time = new ManualTimeProvider(),
        Ids = new SequentialIdGenerator(),
        Logging = log,
    };
}
