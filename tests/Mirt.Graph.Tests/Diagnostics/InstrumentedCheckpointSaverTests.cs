using Microsoft.Extensions.Logging;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Diagnostics;
using Mirt.Graph.Tests.Execution;
using Mirt.Testing;
using Mirt.Testing.Diagnostics;

namespace Mirt.Graph.Tests.Diagnostics;

public sealed class InstrumentedCheckpointSaverTests
{
    private readonly string _release = "test-" + Guid.NewGuid().ToString("N");
    private readonly CapturingLogger _log = new();

    [Fact]
    public async Task EveryOperation_IsTimedUnderItsNameWithTheRelease()
    {
        using var recorder = new MeasurementRecorder(_release, GraphTelemetry.MeterName);
        using var _ = TelemetryContext.UseRelease(_release);
        var saver = Instrumented(new InMemoryCheckpointSaver());
        var first = await saver.PutAsync(new CheckpointConfig("t-1"), Checkpoint("c-1"), Metadata());

        await saver.PutWritesAsync(first, [new ChannelWrite("channel", "\"w\"")], "task-1");
        await saver.GetTupleAsync(new CheckpointConfig("t-1"));
        await foreach (var tuple in saver.ListAsync(new CheckpointQuery { ThreadId = "t-1" }))
        {
            tuple.Should().NotBeNull();
        }

        await saver.CopyThreadAsync("t-1", "t-2");
        await saver.PruneAsync(["t-2"], PruneStrategy.KeepLatest);
        await saver.DeleteForRunsAsync(["run-1"]);
        await saver.PruneOlderThanAsync(DateTimeOffset.UnixEpoch);
        await saver.DeleteThreadAsync("t-2");

        var operations = recorder.Of(GraphTelemetry.CheckpointerLatency).Select(m => m.Tags[TelemetryTags.Operation]);
        operations.Should().Equal("put", "put_writes", "get", "list", "copy_thread", "prune", "delete_for_runs", "prune_older_than", "delete_thread");
        // The manual clock moves 1 ms per read: started, then finished.
        recorder.Of(GraphTelemetry.CheckpointerLatency).Should().OnlyContain(m => m.Value == 1);
        recorder.Of(GraphTelemetry.CheckpointerErrors).Should().BeEmpty();
    }

    [Fact]
    public async Task LogLine_NamesOperationMillisecondsAndValueBytes()
    {
        var saver = Instrumented(new InMemoryCheckpointSaver());

        // "\"ab\"" is 4 bytes; "\"\u0436\"" (a Cyrillic letter) is 4 bytes in UTF-8.
        var config = await saver.PutAsync(new CheckpointConfig("t-1"), Checkpoint("c-1", ("a", "\"ab\""), ("b", "\"\u0436\"")), Metadata(), new Dictionary<string, long> { ["a"] = 1 });
        await saver.PutWritesAsync(config, [new ChannelWrite("x", "12345")], "task");
        await saver.GetTupleAsync(new CheckpointConfig("t-1"));

        var lines = _log.Named("checkpointer");
        lines.Select(l => l.Message).Should().Equal(
            "checkpointer operation=put ms=1 bytes=4",
            "checkpointer operation=put_writes ms=1 bytes=5",
            "checkpointer operation=get ms=1 bytes=9");
    }

    [Fact]
    public async Task FailingCall_CountsAnErrorAndRethrows_ConflictAndCancellationDoNot()
    {
        using var recorder = new MeasurementRecorder(_release, GraphTelemetry.MeterName);
        using var _ = TelemetryContext.UseRelease(_release);
        var inner = new InMemoryCheckpointSaver();
        var saver = Instrumented(inner);
        var first = await saver.PutAsync(new CheckpointConfig("t-1"), Checkpoint("c-1"), Metadata());

        var broken = () => saver.PutWritesAsync(new CheckpointConfig("t-1"), [new ChannelWrite("x", "1")], "task");
        await broken.Should().ThrowAsync<ArgumentException>("a pending write needs a checkpoint id");
        var conflict = () => saver.PutAsync(new CheckpointConfig("t-1"), Checkpoint("c-2"), Metadata(), expectedHead: ExpectedHead.Is("c-0"));
        await conflict.Should().ThrowAsync<CheckpointConflictException>();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var cancel = () => saver.GetTupleAsync(first, cancelled.Token);
        await cancel.Should().ThrowAsync<OperationCanceledException>();

        recorder.Of(GraphTelemetry.CheckpointerErrors).Should().ContainSingle()
            .Which.Tags[TelemetryTags.Operation].Should().Be("put_writes");
        recorder.Sum(GraphTelemetry.CheckpointerLatency, (TelemetryTags.Operation, "put")).Should().Be(2, "the stored put and the conflicting one are both timed");
        recorder.Of(GraphTelemetry.CheckpointerLatency).Should().NotContain(m => m.Tags[TelemetryTags.Operation] == "get", "a cancelled call is not timed");
        _log.Named("checkpointer_failed").Select(l => l.Message).Should().Equal(
            "checkpointer_failed operation=put_writes ms=1 error=ArgumentException",
            "checkpointer_failed operation=put ms=1 error=CheckpointConflictException");
    }

    [Fact]
    public async Task List_AbandonedEarly_IsStillTimedOnce()
    {
        using var recorder = new MeasurementRecorder(_release, GraphTelemetry.MeterName);
        using var _ = TelemetryContext.UseRelease(_release);
        var saver = Instrumented(new InMemoryCheckpointSaver());
        var config = await saver.PutAsync(new CheckpointConfig("t-1"), Checkpoint("c-1"), Metadata());
        await saver.PutAsync(config, Checkpoint("c-2"), Metadata());

        await foreach (var tuple in saver.ListAsync(new CheckpointQuery { ThreadId = "t-1" }))
        {
            tuple.Checkpoint.Id.Should().Be("c-2");
            break;
        }

        recorder.Of(GraphTelemetry.CheckpointerLatency).Count(m => m.Tags[TelemetryTags.Operation] == "list").Should().Be(1);
    }

    [Fact]
    public async Task GraphRunner_OverInstrumentedSaver_CountsOnePutPerCheckpoint()
    {
        using var recorder = new MeasurementRecorder(_release, GraphTelemetry.MeterName);
        using var _ = TelemetryContext.UseRelease(_release);
        var saver = new ScriptedSaver(new InMemoryCheckpointSaver());
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a", "b", "c"), Instrumented(saver));

        await runner.RunTurnAsync("t-1", TestKeys.Say("hi"));

        recorder.Of(GraphTelemetry.CheckpointerLatency).Count(m => m.Tags[TelemetryTags.Operation] == "put").Should().Be(saver.Puts).And.Be(4, "the input and three steps");
        recorder.Of(GraphTelemetry.CheckpointerLatency).Count(m => m.Tags[TelemetryTags.Operation] == "get").Should().Be(1, "the turn loads the thread once");
    }

    private InstrumentedCheckpointSaver Instrumented(ICheckpointSaver inner) => new(inner, _log, new ManualTimeProvider());

    private static Checkpoint Checkpoint(string id, params (string Channel, string Json)[] values) => new(
        id,
        0,
        DateTimeOffset.UnixEpoch,
        values.ToDictionary(v => v.Channel, v => v.Json),
        values.ToDictionary(v => v.Channel, _ => 1L),
        [],
        1);

    private static CheckpointMetadata Metadata() => new(CheckpointMetadata.InputSource, 0, null, new Dictionary<string, string>());
}
