using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;

namespace Mirt.Graph.Tests.Execution;

/// <summary>Covers how a turn reacts when another replica advances the thread (fenced puts).</summary>
public sealed class TurnConflictTests
{
    [Fact]
    public async Task RunTurnAsync_InputCheckpointLosesTheRace_ReloadsAndRunsOnTopOfTheWinner()
    {
        var saver = new ScriptedSaver(new InMemoryCheckpointSaver());
        var a = TestNode.Writes(TestKeys.Visit("a"));
        var runner = TestGraphs.Runner(TestGraphs.Chain(("a", a)), saver);
        await runner.RunTurnAsync("t1", TestKeys.Say("one"));
        saver.InjectConflictAt(saver.Puts + 1);

        var turn = await runner.RunTurnAsync("t1", TestKeys.Say("two"));

        turn.Path.Should().Equal(new NodeName("a"));
        a.Calls.Should().HaveCount(2, "the node ran once per turn, not for the lost attempt");
        var history = await runner.HistoryAsync("t1");
        var input = history.Single(s => s.Metadata.Source == "input" && s.State.Get(TestKeys.Message) == "two");
        var rival = history.Single(s => s.Metadata.Node == "rival");
        input.ParentCheckpointId.Should().Be(rival.CheckpointId);
    }

    [Fact]
    public async Task RunTurnAsync_FirstTurnLosesTheRace_Retries()
    {
        var saver = new ScriptedSaver(new InMemoryCheckpointSaver());
        saver.InjectConflictAt(1);
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a"), saver);

        var turn = await runner.RunTurnAsync("t1", TestKeys.Say("hi"));

        turn.State.Get(TestKeys.Trail).Should().Equal("a");
    }

    [Fact]
    public async Task RunTurnAsync_EveryAttemptLoses_ThrowsAfterTheConfiguredRetries()
    {
        var saver = new ScriptedSaver(new InMemoryCheckpointSaver());
        var a = TestNode.Writes(TestKeys.Visit("a"));
        saver.InjectConflictAt(1, repeat: true);
        var runner = TestGraphs.Runner(TestGraphs.Chain(("a", a)), saver, TestGraphs.Options(conflictRetries: 2));

        await FluentActions.Awaiting(() => runner.RunTurnAsync("t1", [])).Should().ThrowAsync<CheckpointConflictException>();

        saver.Puts.Should().Be(3, "one attempt and two retries");
        a.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task RunTurnAsync_ConflictAfterANodeRan_SurfacesWithoutRetrying()
    {
        var saver = new ScriptedSaver(new InMemoryCheckpointSaver());
        var a = TestNode.Writes(TestKeys.Visit("a"));
        saver.InjectConflictAt(2);
        var runner = TestGraphs.Runner(TestGraphs.Chain(("a", a)), saver);

        await FluentActions.Awaiting(() => runner.RunTurnAsync("t1", [])).Should().ThrowAsync<CheckpointConflictException>();

        a.Calls.Should().ContainSingle();
        saver.Puts.Should().Be(2);
    }

    [Fact]
    public async Task RunTurnAsync_ZeroRetries_SurfacesTheFirstConflict()
    {
        var saver = new ScriptedSaver(new InMemoryCheckpointSaver());
        saver.InjectConflictAt(1);
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a"), saver, TestGraphs.Options(conflictRetries: 0));

        await FluentActions.Awaiting(() => runner.RunTurnAsync("t1", [])).Should().ThrowAsync<CheckpointConflictException>();
    }
}
