using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;
using Mirt.Graph.Streaming;
using Mirt.Testing;

namespace Mirt.Graph.Tests.Execution;

/// <summary>Covers <see cref="CheckpointDurability.Turn"/>: the same checkpoints as step durability, written in two
/// store calls per turn, and flushed before anything that needs them stored.</summary>
public sealed class TurnDurabilityTests
{
    private static GraphRunnerOptions Options(CheckpointDurability durability) => new()
    {
        Time = new ManualTimeProvider(),
        Ids = new SequentialIdGenerator(),
        Durability = durability,
    };

    [Fact]
    public async Task RunTurnAsync_TurnDurability_WritesTheInputThenTheStepsAsOneChain()
    {
        var saver = new CountingSaver(new InMemoryCheckpointSaver());
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a", "b", "c"), saver, Options(CheckpointDurability.Turn));

        await runner.RunTurnAsync("t1", TestKeys.Say("hi"));

        saver.Calls.Should().Equal("get", "put", "put_many:3");
    }

    [Fact]
    public async Task RunTurnAsync_TurnDurability_StoresTheSameHistoryAsStepDurability()
    {
        var graph = TestGraphs.Visiting("a", "b");
        var step = TestGraphs.Runner(graph, options: Options(CheckpointDurability.Step));
        var turn = TestGraphs.Runner(graph, options: Options(CheckpointDurability.Turn));

        foreach (var runner in new[] { step, turn })
        {
            await runner.RunTurnAsync("t1", TestKeys.Say("first"));
            await runner.RunTurnAsync("t1", TestKeys.Say("second"));
        }

        var expected = await step.HistoryAsync("t1");
        var actual = await turn.HistoryAsync("t1");
        actual.Select(Describe).Should().Equal(expected.Select(Describe));
        actual[0].State.Get(TestKeys.Trail).Should().Equal("a", "b", "a", "b");
    }

    [Fact]
    public async Task RunTurnAsync_TurnDurability_NodeFails_StoresTheFinishedStepsAndTheErrorAgainstTheLast()
    {
        var boom = new TestNode(_ => throw new InvalidOperationException("stock service down"));
        var graph = TestGraphs.Chain(("a", TestNode.Writes(TestKeys.Visit("a"))), ("boom", boom));
        var runner = TestGraphs.Runner(graph, options: Options(CheckpointDurability.Turn));

        var act = () => runner.RunTurnAsync("t1", TestKeys.Say("hi"));

        await act.Should().ThrowAsync<GraphExecutionException>();
        var latest = (await runner.GetStateAsync("t1"))!;
        latest.Metadata.Node.Should().Be("a", "the step before the failure is stored");
        latest.Next.Should().Equal(new NodeName("boom"));
        latest.Error!.Message.Should().Be("stock service down");
    }

    [Fact]
    public async Task RunTurnAsync_TurnDurability_Interrupt_StoresTheStepsBeforeItAndResumes()
    {
        var approval = new TestNode(c => c.IsResuming
            ? NodeResult.Continue(TestKeys.Visit("approval"))
            : NodeResult.Interrupt("approve?"));
        var graph = TestGraphs.Chain(("before", TestNode.Writes(TestKeys.Visit("before"))), ("approval", approval), ("after", TestNode.Writes(TestKeys.Visit("after"))));
        var runner = TestGraphs.Runner(graph, options: Options(CheckpointDurability.Turn));

        var paused = await runner.RunTurnAsync("t1", TestKeys.Say("refund"));
        var latest = (await runner.GetStateAsync("t1"))!;
        var resumed = await runner.ResumeAsync("t1", "yes");

        latest.CheckpointId.Should().Be(paused.CheckpointId);
        latest.Interrupt.Should().NotBeNull();
        resumed.State.Get(TestKeys.Trail).Should().Equal("before", "approval", "after");
        (await runner.GetStateAsync("t1"))!.CheckpointId.Should().Be(resumed.CheckpointId);
    }

    [Fact]
    public async Task RunTurnAsync_TurnDurability_CancelledMidTurn_KeepsTheInputCheckpointOnly()
    {
        using var cancel = new CancellationTokenSource();
        var stop = new TestNode(_ =>
        {
            cancel.Cancel();
            return NodeResult.Continue(TestKeys.Visit("stop"));
        });
        var graph = TestGraphs.Chain(("a", TestNode.Writes(TestKeys.Visit("a"))), ("stop", stop), ("c", TestNode.Writes(TestKeys.Visit("c"))));
        var runner = TestGraphs.Runner(graph, options: Options(CheckpointDurability.Turn));

        var act = () => runner.RunTurnAsync("t1", TestKeys.Say("hi"), cancellationToken: cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        var latest = (await runner.GetStateAsync("t1"))!;
        latest.Metadata.Source.Should().Be(CheckpointMetadata.InputSource, "the customer's message is stored before any node runs");
        var continued = await runner.ContinueAsync("t1");
        continued.State.Get(TestKeys.Trail).Should().Equal("a", "stop", "c");
    }

    [Fact]
    public async Task StreamTurnAsync_TurnDurability_AnnouncesEachCheckpointOnceStored()
    {
        var saver = new CountingSaver(new InMemoryCheckpointSaver());
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a", "b"), saver, Options(CheckpointDurability.Turn));
        var saved = new List<(string Id, int CallsSoFar)>();

        await foreach (var @event in runner.StreamTurnAsync("t1", TestKeys.Say("hi")))
        {
            if (@event is CheckpointSaved checkpoint)
            {
                saved.Add((checkpoint.CheckpointId, saver.Calls.Count));
            }
        }

        saved.Should().HaveCount(3);
        saved.Skip(1).Should().OnlyContain(s => s.CallsSoFar == 3, "step checkpoints are announced after the chain is written");
        saved.Select(s => s.Id).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    private static string Describe(Mirt.Graph.History.StateSnapshot snapshot) =>
        $"{snapshot.CheckpointId} {snapshot.ParentCheckpointId} {snapshot.Metadata.Source} {snapshot.Step} {snapshot.Metadata.Node} {string.Join(',', snapshot.Next)}";

    /// <summary>Records which store operations a run calls, with the size of each chain.</summary>
    private sealed class CountingSaver(ICheckpointSaver inner) : DelegatingCheckpointSaver(inner)
    {
        public List<string> Calls { get; } = [];

        public override Task<CheckpointTuple?> GetTupleAsync(CheckpointConfig config, CancellationToken cancellationToken = default)
        {
            Calls.Add("get");
            return base.GetTupleAsync(config, cancellationToken);
        }

        public override Task<CheckpointConfig> PutAsync(CheckpointConfig config, Checkpoint checkpoint, CheckpointMetadata metadata, IReadOnlyDictionary<string, long>? newVersions = null, ExpectedHead expectedHead = default, CancellationToken cancellationToken = default)
        {
            Calls.Add("put");
            return base.PutAsync(config, checkpoint, metadata, newVersions, expectedHead, cancellationToken);
        }

        public override Task<IReadOnlyList<CheckpointConfig>> PutManyAsync(IReadOnlyList<CheckpointPut> puts, CancellationToken cancellationToken = default)
        {
            Calls.Add($"put_many:{puts.Count}");
            return base.PutManyAsync(puts, cancellationToken);
        }
    }
}
