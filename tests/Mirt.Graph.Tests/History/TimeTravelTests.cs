using Mirt.Graph.Building;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;
using Mirt.Graph.Tests.Execution;

namespace Mirt.Graph.Tests.History;

/// <summary>Covers reading a thread's history, replaying from an older checkpoint, and editing state by hand.</summary>
public sealed class TimeTravelTests
{
    private readonly GraphRunner _runner = TestGraphs.Runner(TestGraphs.Visiting("a", "b"));

    [Fact]
    public async Task GetStateHistoryAsync_ListsSnapshotsNewestFirst()
    {
        await _runner.RunTurnAsync("t1", TestKeys.Say("one"));
        await _runner.RunTurnAsync("t1", TestKeys.Say("two"));

        var history = await _runner.HistoryAsync("t1");

        history.Should().HaveCount(6);
        history.Select(s => s.Step).Should().Equal(4, 3, 2, 1, 0, -1);
        history.Should().BeInDescendingOrder(s => s.CheckpointId, StringComparer.Ordinal);
        history.Zip(history.Skip(1)).Should().OnlyContain(pair => pair.First.ParentCheckpointId == pair.Second.CheckpointId);
        history[^1].ParentCheckpointId.Should().BeNull();
        history[0].State.Get(TestKeys.Trail).Should().Equal("a", "b", "a", "b");
        history[0].GraphVersion.Should().Be(1);
        history[0].Namespace.Should().BeEmpty();
        history[0].CreatedAt.Should().Be(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task GetStateHistoryAsync_LimitCursorAndFilter_NarrowTheListing()
    {
        await _runner.RunTurnAsync("t1", TestKeys.Say("one"));
        var all = await _runner.HistoryAsync("t1");

        var limited = await ToListAsync(_runner.GetStateHistoryAsync("t1", limit: 2));
        var before = await ToListAsync(_runner.GetStateHistoryAsync("t1", beforeCheckpointId: all[0].CheckpointId));
        var inputs = await ToListAsync(_runner.GetStateHistoryAsync("t1", filter: new Dictionary<string, string> { ["source"] = "input" }));

        limited.Select(s => s.CheckpointId).Should().Equal(all[0].CheckpointId, all[1].CheckpointId);
        before.Select(s => s.CheckpointId).Should().Equal(all.Skip(1).Select(s => s.CheckpointId));
        inputs.Should().ContainSingle().Which.Metadata.Source.Should().Be("input");
    }

    [Fact]
    public void GetStateHistoryAsync_NegativeLimit_ThrowsAtOnce()
    {
        var act = () => _runner.GetStateHistoryAsync("t1", limit: -1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task GetStateAsync_ByCheckpointId_ReturnsThatCheckpointsState()
    {
        await _runner.RunTurnAsync("t1", TestKeys.Say("one"));
        var afterA = (await _runner.HistoryAsync("t1"))[1];

        var snapshot = await _runner.GetStateAsync("t1", afterA.CheckpointId);

        snapshot!.State.Get(TestKeys.Trail).Should().Equal("a");
        snapshot.Next.Should().Equal(new NodeName("b"));
        (await _runner.GetStateAsync("t1", "missing")).Should().BeNull();
        (await _runner.GetStateAsync("nobody")).Should().BeNull();
    }

    [Fact]
    public async Task ContinueAsync_FromAnOlderCheckpoint_ReplaysItsRemainingNodesAsAFork()
    {
        await _runner.RunTurnAsync("t1", TestKeys.Say("one"));
        var original = await _runner.HistoryAsync("t1");
        var afterA = original[1];

        var replay = await _runner.ContinueAsync("t1", afterA.CheckpointId);

        replay.Path.Should().Equal(new NodeName("b"));
        var history = await _runner.HistoryAsync("t1");
        history.Should().HaveCount(4, "the replay adds one checkpoint and keeps the old branch");
        history[0].CheckpointId.Should().Be(replay.CheckpointId);
        history[0].ParentCheckpointId.Should().Be(afterA.CheckpointId);
        history[0].State.Get(TestKeys.Trail).Should().Equal("a", "b");
        history.Should().Contain(s => s.CheckpointId == original[0].CheckpointId);
        (await _runner.GetStateAsync("t1"))!.CheckpointId.Should().Be(replay.CheckpointId, "the fork is the thread's latest");
    }

    [Fact]
    public async Task ContinueAsync_FromAnInputCheckpoint_RerunsTheWholeTurn()
    {
        await _runner.RunTurnAsync("t1", TestKeys.Say("one"));
        var input = (await _runner.HistoryAsync("t1"))[^1];

        var replay = await _runner.ContinueAsync("t1", input.CheckpointId);

        replay.Path.Should().Equal(new NodeName("a"), new NodeName("b"));
        replay.State.Get(TestKeys.Message).Should().Be("one");
    }

    [Fact]
    public async Task ContinueAsync_UnknownCheckpoint_Throws()
    {
        await _runner.RunTurnAsync("t1", []);

        await FluentActions.Awaiting(() => _runner.ContinueAsync("t1", "missing")).Should().ThrowAsync<ArgumentException>().WithMessage("*missing*");
    }

    [Fact]
    public async Task UpdateStateAsync_OnTheLatestCheckpoint_WritesAnUpdateCheckpoint()
    {
        var turn = await _runner.RunTurnAsync("t1", TestKeys.Say("one"));

        var updated = await _runner.UpdateStateAsync("t1", [TestKeys.Decision.Set("manager says hi")], metadata: new Dictionary<string, string> { ["by"] = "manager" });

        updated.Metadata.Source.Should().Be(CheckpointMetadata.UpdateSource);
        updated.Metadata.Node.Should().BeNull();
        updated.Metadata.Extra.Should().Contain("by", "manager");
        updated.ParentCheckpointId.Should().Be(turn.CheckpointId);
        updated.Step.Should().Be(turn.Step + 1);
        updated.Next.Should().BeEmpty("the base checkpoint's next nodes are kept");
        updated.State.Get(TestKeys.Decision).Should().Be("manager says hi");
        updated.State.Get(TestKeys.Trail).Should().Equal("a", "b");
        (await _runner.GetStateAsync("t1"))!.CheckpointId.Should().Be(updated.CheckpointId);
    }

    [Fact]
    public async Task UpdateStateAsync_FromAnOlderCheckpoint_WritesAForkThatBecomesTheLatest()
    {
        await _runner.RunTurnAsync("t1", TestKeys.Say("one"));
        var afterA = (await _runner.HistoryAsync("t1"))[1];

        var fork = await _runner.UpdateStateAsync("t1", [TestKeys.Trail.Overwrite(["edited"])], fromCheckpointId: afterA.CheckpointId);

        fork.Metadata.Source.Should().Be(CheckpointMetadata.ForkSource);
        fork.ParentCheckpointId.Should().Be(afterA.CheckpointId);
        fork.Next.Should().Equal(new NodeName("b"));
        (await _runner.GetStateAsync("t1"))!.CheckpointId.Should().Be(fork.CheckpointId);

        var finished = await _runner.ContinueAsync("t1");

        finished.Path.Should().Equal(new NodeName("b"));
        finished.State.Get(TestKeys.Trail).Should().Equal("edited", "b");
    }

    [Fact]
    public async Task UpdateStateAsync_AsNode_RoutesLikeThatNodeRan()
    {
        await _runner.RunTurnAsync("t1", TestKeys.Say("one"));
        var input = (await _runner.HistoryAsync("t1"))[^1];

        var update = await _runner.UpdateStateAsync("t1", [TestKeys.Visit("manual a")], asNode: "a", fromCheckpointId: input.CheckpointId);

        update.Metadata.Node.Should().Be("a");
        update.Next.Should().Equal(new NodeName("b"));
        var finished = await _runner.ContinueAsync("t1");
        finished.State.Get(TestKeys.Trail).Should().Equal("manual a", "b");
    }

    [Fact]
    public async Task UpdateStateAsync_AsThePausedNode_SkipsTheInterrupt()
    {
        var approval = new TestNode(_ => NodeResult.Interrupt("approve?"));
        var runner = TestGraphs.Runner(TestGraphs.Chain(("approval", approval), ("after", TestNode.Writes(TestKeys.Visit("after")))));
        await runner.RunTurnAsync("t1", []);

        var update = await runner.UpdateStateAsync("t1", [TestKeys.Decision.Set("approved by hand")], asNode: "approval");

        update.Interrupt.Should().BeNull();
        update.Next.Should().Equal(new NodeName("after"));
        var finished = await runner.ContinueAsync("t1");
        finished.State.Get(TestKeys.Trail).Should().Equal("after");
        approval.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task UpdateStateAsync_EmptyThread_WritesTheFirstCheckpoint()
    {
        var update = await _runner.UpdateStateAsync("new", [TestKeys.Count.Set(5)]);

        update.ParentCheckpointId.Should().BeNull();
        update.Step.Should().Be(-1);
        var turn = await _runner.RunTurnAsync("new", []);
        turn.State.Get(TestKeys.Count).Should().Be(5);
    }

    [Fact]
    public async Task UpdateStateAsync_UnknownNodeOrCheckpoint_Throws()
    {
        await FluentActions.Awaiting(() => _runner.UpdateStateAsync("t1", [], asNode: "ghost")).Should().ThrowAsync<ArgumentException>().WithMessage("*ghost*");
        await FluentActions.Awaiting(() => _runner.UpdateStateAsync("t1", [], fromCheckpointId: "missing")).Should().ThrowAsync<ArgumentException>().WithMessage("*missing*");
    }

    [Fact]
    public async Task UpdateStateAsync_ConditionalEdge_AsksTheRouterWithTheEditedState()
    {
        var graph = new GraphBuilder()
            .AddState(TestKeys.All)
            .AddNode("triage", TestNode.Writes())
            .AddNode("human", TestNode.Writes(TestKeys.Visit("human")))
            .AddConditionalEdges("triage", s => s.Get(TestKeys.Decision) == "escalate" ? "human" : NodeName.End, "human", NodeName.End)
            .AddEdge("human", NodeName.End)
            .SetEntry("triage")
            .Build();
        var runner = TestGraphs.Runner(graph);
        await runner.RunTurnAsync("t1", []);

        var update = await runner.UpdateStateAsync("t1", [TestKeys.Decision.Set("escalate")], asNode: "triage");

        update.Next.Should().Equal(new NodeName("human"));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
