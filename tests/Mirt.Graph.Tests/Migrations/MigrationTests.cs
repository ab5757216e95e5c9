using Mirt.Graph.Building;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;
using Mirt.Graph.Migrations;
using Mirt.Graph.State;
using Mirt.Graph.Tests.Execution;

namespace Mirt.Graph.Tests.Migrations;

/// <summary>Covers conversations stored by an older graph version meeting a newer graph.</summary>
public sealed class MigrationTests
{
    // Version 1 stored the customer's height as text; version 2 stores centimetres as a number.
    private static readonly StateKey<string?> HeightText = new("height_text", null);
    private static readonly StateKey<int> HeightCm = new("height_cm", 0);

    private readonly InMemoryCheckpointSaver _saver = new();

    [Fact]
    public async Task RunTurnAsync_OlderThread_AppliesTheMigrationAndStoresTheNewVersion()
    {
        await V1Runner().RunTurnAsync("t1", [HeightText.Set("118 cm")]);
        var runner = Runner(Graph(2).WithMigration(1, MoveHeight).Build());

        var turn = await runner.RunTurnAsync("t1", []);

        turn.State.Get(HeightCm).Should().Be(118);
        turn.State.Has(HeightText).Should().BeFalse();
        var history = await runner.HistoryAsync("t1");
        history[0].GraphVersion.Should().Be(2);
        history[0].State.Get(HeightCm).Should().Be(118, "the migrated value is stored");
        history[^1].GraphVersion.Should().Be(1);
    }

    [Fact]
    public async Task RunTurnAsync_TwoVersionsBehind_AppliesTheMigrationsInOrder()
    {
        await V1Runner().RunTurnAsync("t1", [HeightText.Set("118")]);
        var order = new List<int>();
        var runner = Runner(Graph(3)
            .WithMigration(2, s => { order.Add(2); return s.Apply(HeightCm.Set(s.Get(HeightCm) + 1)); })
            .WithMigration(1, s => { order.Add(1); return MoveHeight(s); })
            .Build());

        var turn = await runner.RunTurnAsync("t1", []);

        order.Should().Equal(1, 2);
        turn.State.Get(HeightCm).Should().Be(119);
    }

    [Fact]
    public async Task RunTurnAsync_NoMigrationForAStep_FailsNamingBothVersions()
    {
        await V1Runner().RunTurnAsync("t1", [HeightText.Set("118")]);
        var runner = Runner(Graph(3).WithMigration(1, MoveHeight).Build());

        var error = (await FluentActions.Awaiting(() => runner.RunTurnAsync("t1", [])).Should().ThrowAsync<GraphMigrationException>()).Which;

        error.StoredVersion.Should().Be(1);
        error.GraphVersion.Should().Be(3);
        error.MissingFromVersion.Should().Be(2);
        error.ThreadId.Should().Be("t1");
        error.Message.Should().Contain("version 1").And.Contain("version 3").And.Contain("WithMigration(2");
    }

    [Fact]
    public async Task RunTurnAsync_ThreadWrittenByANewerGraph_Fails()
    {
        await Runner(Graph(2).WithMigration(1, MoveHeight).Build()).RunTurnAsync("t1", []);

        var error = (await FluentActions.Awaiting(() => V1Runner().RunTurnAsync("t1", [])).Should().ThrowAsync<GraphMigrationException>()).Which;

        error.StoredVersion.Should().Be(2);
        error.GraphVersion.Should().Be(1);
        error.MissingFromVersion.Should().BeNull();
        error.Message.Should().Contain("newer");
    }

    [Fact]
    public async Task ContinueAsync_OlderUnfinishedTurn_MigratesBeforeRunning()
    {
        var saver = new ScriptedSaver(_saver);
        saver.CrashAt(2);
        await FluentActions.Awaiting(() => Runner(Graph(1).Build(), saver).RunTurnAsync("t1", [HeightText.Set("100")])).Should().ThrowAsync<IOException>();

        var turn = await Runner(Graph(2).WithMigration(1, MoveHeight).Build()).ContinueAsync("t1");

        turn.Path.Should().Equal(new NodeName("node"));
        turn.State.Get(HeightCm).Should().Be(100);
    }

    [Fact]
    public void Build_MigrationNotBelowTheVersion_Fails()
    {
        var act = () => Graph(2).WithMigration(2, s => s).Build();

        act.Should().Throw<InvalidOperationException>().WithMessage("*migration from version 2*");
    }

    [Fact]
    public void WithMigration_SameVersionTwice_Throws()
    {
        var act = () => Graph(3).WithMigration(1, s => s).WithMigration(1, s => s);

        act.Should().Throw<ArgumentException>();
    }

    private static GraphState MoveHeight(GraphState state)
    {
        var text = state.Get(HeightText) ?? "0";
        var cm = int.Parse(new string([.. text.TakeWhile(char.IsDigit)]), System.Globalization.CultureInfo.InvariantCulture);
        return state.Reset([HeightText]).Apply(HeightCm.Set(cm));
    }

    private static GraphBuilder Graph(int version) => new GraphBuilder()
        .WithVersion(version)
        .AddState([.. TestKeys.All, HeightText, HeightCm])
        .AddNode("node", TestNode.Writes(TestKeys.Visit("node")))
        .AddEdge("node", NodeName.End)
        .SetEntry("node");

    private GraphRunner V1Runner() => Runner(Graph(1).Build());

    private GraphRunner Runner(ConversationGraph graph, ICheckpointSaver? saver = null) => TestGraphs.Runner(graph, saver ?? _saver);
}
