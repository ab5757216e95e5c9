using Mirt.Graph.Building;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;
using Mirt.Graph.History;

namespace Mirt.Graph.Tests.Execution;

public sealed class GraphRunnerTests
{
    [Fact]
    public async Task RunTurnAsync_Chain_WritesAnInputCheckpointAndOnePerNode()
    {
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a", "b"));

        var turn = await runner.RunTurnAsync("t1", TestKeys.Say("hi"));

        turn.Path.Should().Equal(new NodeName("a"), new NodeName("b"));
        turn.State.Get(TestKeys.Trail).Should().Equal("a", "b");
        turn.IsInterrupted.Should().BeFalse();
        var history = await runner.HistoryAsync("t1");
        history.Select(s => (s.Metadata.Source, s.Step, s.Metadata.Node)).Should().Equal(
            ("loop", 1, "b"),
            ("loop", 0, "a"),
            ("input", -1, (string?)null));
        history.Select(s => string.Join(",", s.Next)).Should().Equal("", "b", "a");
        history[0].CheckpointId.Should().Be(turn.CheckpointId);
        history[0].ParentCheckpointId.Should().Be(history[1].CheckpointId);
    }

    [Fact]
    public async Task RunTurnAsync_SecondTurn_ResetsTurnScopedChannelsAndKeepsTheRest()
    {
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a"));
        await runner.RunTurnAsync("t1", TestKeys.Say("first"));

        var turn = await runner.RunTurnAsync("t1", []);

        turn.State.Get(TestKeys.Message).Should().BeNull();
        turn.State.Get(TestKeys.Trail).Should().Equal("a", "a");
        turn.Step.Should().Be(2, "steps run -1, 0 in the first turn and 1, 2 in the second");
    }

    [Fact]
    public async Task RunTurnAsync_NodeThrows_RecordsTheErrorAgainstTheStepsStartCheckpoint()
    {
        var boom = new TestNode(_ => throw new InvalidOperationException("stock service down"));
        var runner = TestGraphs.Runner(TestGraphs.Chain(("a", TestNode.Writes(TestKeys.Visit("a"))), ("boom", boom)));

        var act = () => runner.RunTurnAsync("t1", TestKeys.Say("hi"));

        var error = (await act.Should().ThrowAsync<GraphExecutionException>()).Which;
        error.InnerException.Should().BeOfType<InvalidOperationException>();
        error.Message.Should().Contain("'boom'").And.Contain("stock service down");
        var latest = await runner.GetStateAsync("t1");
        latest!.Next.Should().Equal(new NodeName("boom"));
        latest.HasPendingNodes.Should().BeTrue();
        latest.Error.Should().Be(new NodeFailure("boom", typeof(InvalidOperationException).FullName!, "stock service down", 1));
        latest.PendingWrites.Should().ContainSingle(w => w.Channel == WriteChannels.Error && w.TaskId == "boom");
    }

    [Fact]
    public async Task ContinueAsync_AfterAFailedNode_RunsItAgainFromTheSameCheckpointWithTheSameIdempotencyKey()
    {
        var fail = true;
        var flaky = new TestNode(c => fail ? throw new TimeoutException("slow") : NodeResult.Continue(TestKeys.Visit("flaky")));
        var runner = TestGraphs.Runner(TestGraphs.Chain(("flaky", flaky), ("after", TestNode.Writes(TestKeys.Visit("after")))));
        await FluentActions.Awaiting(() => runner.RunTurnAsync("t1", TestKeys.Say("hi"))).Should().ThrowAsync<GraphExecutionException>();
        fail = false;

        var turn = await runner.ContinueAsync("t1");

        turn.Path.Should().Equal(new NodeName("flaky"), new NodeName("after"));
        turn.State.Get(TestKeys.Message).Should().Be("hi", "the unfinished turn keeps its input");
        flaky.Calls.Select(c => c.IdempotencyKey("order")).Distinct().Should().ContainSingle();
        (await runner.GetStateAsync("t1"))!.HasPendingNodes.Should().BeFalse();
    }

    [Fact]
    public async Task ContinueAsync_AfterACrashBetweenSteps_RunsOnlyTheRemainingNodes()
    {
        var saver = new ScriptedSaver(new InMemoryCheckpointSaver());
        var a = TestNode.Writes(TestKeys.Visit("a"));
        var b = TestNode.Writes(TestKeys.Visit("b"));
        var graph = TestGraphs.Chain(("a", a), ("b", b));
        saver.CrashAt(3);
        await FluentActions.Awaiting(() => TestGraphs.Runner(graph, saver).RunTurnAsync("t1", TestKeys.Say("hi"))).Should().ThrowAsync<IOException>();
        saver.BeforePut = null;

        var restarted = TestGraphs.Runner(graph, saver);
        (await restarted.GetStateAsync("t1"))!.Next.Should().Equal(new NodeName("b"));
        var turn = await restarted.ContinueAsync("t1");

        turn.Path.Should().Equal(new NodeName("b"));
        turn.State.Get(TestKeys.Trail).Should().Equal("a", "b");
        a.Calls.Should().ContainSingle();
        b.Calls.Select(c => c.CheckpointId).Distinct().Should().ContainSingle("the re-run starts from the same checkpoint");
    }

    [Fact]
    public async Task ContinueAsync_FinishedThread_RunsNothing()
    {
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a"));
        var first = await runner.RunTurnAsync("t1", TestKeys.Say("hi"));

        var turn = await runner.ContinueAsync("t1");

        turn.Path.Should().BeEmpty();
        turn.CheckpointId.Should().Be(first.CheckpointId);
        (await runner.HistoryAsync("t1")).Should().HaveCount(2);
    }

    [Fact]
    public async Task ContinueAsync_EmptyThread_Throws()
    {
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a"));

        await FluentActions.Awaiting(() => runner.ContinueAsync("nobody")).Should().ThrowAsync<InvalidOperationException>().WithMessage("*no checkpoint*");
    }

    [Fact]
    public async Task RunTurnAsync_AfterAFailedTurn_StartsOverFromTheLatestState()
    {
        var fail = true;
        var flaky = new TestNode(_ => fail ? throw new TimeoutException("slow") : NodeResult.Continue(TestKeys.Visit("flaky")));
        var runner = TestGraphs.Runner(TestGraphs.Chain(("a", TestNode.Writes(TestKeys.Visit("a"))), ("flaky", flaky)));
        await FluentActions.Awaiting(() => runner.RunTurnAsync("t1", TestKeys.Say("one"))).Should().ThrowAsync<GraphExecutionException>();
        fail = false;

        var turn = await runner.RunTurnAsync("t1", TestKeys.Say("two"));

        turn.Path.Should().Equal(new NodeName("a"), new NodeName("flaky"));
        turn.State.Get(TestKeys.Trail).Should().Equal("a", "a", "flaky");
        turn.State.Get(TestKeys.Message).Should().Be("two");
    }

    [Fact]
    public async Task RunTurnAsync_RouteToUndeclaredTarget_FailsAndRecordsTheError()
    {
        var graph = new GraphBuilder()
            .AddState(TestKeys.All)
            .AddNode("a", new TestNode(_ => NodeResult.Route("nowhere")))
            .AddEdge("a", NodeName.End)
            .SetEntry("a")
            .Build();
        var runner = TestGraphs.Runner(graph);

        await FluentActions.Awaiting(() => runner.RunTurnAsync("t1", [])).Should().ThrowAsync<GraphExecutionException>().WithMessage("*not a declared target*");
        (await runner.GetStateAsync("t1"))!.Error!.Node.Should().Be(new NodeName("a"));
    }

    [Fact]
    public async Task RunTurnAsync_EndlessLoop_StopsAtMaxSteps()
    {
        var graph = new GraphBuilder()
            .AddState(TestKeys.All)
            .AddNode("spin", TestNode.Writes(TestKeys.Count.Set(1)))
            .AddEdge("spin", "spin")
            .SetEntry("spin")
            .Build();
        var runner = new GraphRunner(graph, new InMemoryCheckpointSaver(), new GraphRunnerOptions { MaxStepsPerTurn = 3 });

        await FluentActions.Awaiting(() => runner.RunTurnAsync("t1", [])).Should().ThrowAsync<GraphExecutionException>().WithMessage("*ran 3 steps*");
    }

    [Fact]
    public async Task RunTurnAsync_NodeContext_CarriesTheStepsStartCheckpointAndNoResume()
    {
        var node = TestNode.Writes();
        var runner = TestGraphs.Runner(TestGraphs.Chain(("a", node)));

        await runner.RunTurnAsync("t1", []);

        var input = (await runner.HistoryAsync("t1"))[^1];
        var context = node.Calls.Should().ContainSingle().Which;
        context.CheckpointId.Should().Be(input.CheckpointId);
        context.Step.Should().Be(0);
        context.Namespace.Should().BeEmpty();
        context.IsResuming.Should().BeFalse();
        context.Invoking(c => c.ReadResume<string>()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Constructor_NegativeConflictRetries_Throws()
    {
        var act = () => new GraphRunner(TestGraphs.Visiting("a"), new InMemoryCheckpointSaver(), new GraphRunnerOptions { TurnConflictRetries = -1 });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
