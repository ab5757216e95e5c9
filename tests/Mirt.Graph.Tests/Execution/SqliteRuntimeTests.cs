using Microsoft.Data.Sqlite;
using Mirt.Graph.Building;
using Mirt.Graph.Execution;
using Mirt.Graph.Sqlite;
using Mirt.Graph.Subgraphs;

namespace Mirt.Graph.Tests.Execution;

/// <summary>Runs the runtime features end to end on the durable SQLite store, reopening it between steps as a restarted
/// process would: an interrupt answered after a restart, a failed node continued, a fork, and a subgraph namespace.</summary>
public sealed class SqliteRuntimeTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mirt-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteCheckpointSaver> _savers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var saver in _savers)
        {
            await saver.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Interrupt_AnsweredAfterARestart_ResumesTheNode()
    {
        var ask = new TestNode(c => c.IsResuming ? NodeResult.Continue(TestKeys.Decision.Set(c.ReadResume<string>())) : NodeResult.Interrupt(new { question = "refund?" }));
        var graph = TestGraphs.Chain(("ask", ask), ("after", TestNode.Writes(TestKeys.Visit("after"))));
        var paused = await (await RunnerAsync(graph)).RunTurnAsync("t1", []);

        var restarted = await RunnerAsync(graph);
        (await restarted.GetStateAsync("t1"))!.Interrupt!.PayloadJson.Should().Be("""{"question":"refund?"}""");
        var turn = await restarted.ResumeAsync("t1", "yes");

        turn.State.Get(TestKeys.Decision).Should().Be("yes");
        turn.State.Get(TestKeys.Trail).Should().Equal("after");
        ask.Calls[1].CheckpointId.Should().Be(paused.CheckpointId);
    }

    [Fact]
    public async Task FailedNode_ContinuedAfterARestart_FinishesTheTurn()
    {
        var fail = true;
        var flaky = new TestNode(_ => fail ? throw new TimeoutException("slow") : NodeResult.Continue(TestKeys.Visit("flaky")));
        var graph = TestGraphs.Chain(("flaky", flaky));
        await FluentActions.Awaiting(async () => await (await RunnerAsync(graph)).RunTurnAsync("t1", TestKeys.Say("hi"))).Should().ThrowAsync<GraphExecutionException>();
        fail = false;

        var restarted = await RunnerAsync(graph);
        var stuck = (await restarted.GetStateAsync("t1"))!;
        stuck.Error!.Message.Should().Be("slow");
        var turn = await restarted.ContinueAsync("t1");

        turn.State.Get(TestKeys.Trail).Should().Equal("flaky");
        turn.State.Get(TestKeys.Message).Should().Be("hi");
    }

    [Fact]
    public async Task Fork_FromAnOlderCheckpoint_BecomesTheLatest()
    {
        var runner = await RunnerAsync(TestGraphs.Visiting("a", "b"));
        await runner.RunTurnAsync("t1", []);
        var afterA = (await runner.HistoryAsync("t1"))[1];

        var fork = await runner.UpdateStateAsync("t1", [TestKeys.Trail.Overwrite(["x"])], fromCheckpointId: afterA.CheckpointId);
        var turn = await (await RunnerAsync(TestGraphs.Visiting("a", "b"))).ContinueAsync("t1");

        fork.ParentCheckpointId.Should().Be(afterA.CheckpointId);
        turn.State.Get(TestKeys.Trail).Should().Equal("x", "b");
    }

    [Fact]
    public async Task Subgraph_StoresItsCheckpointsInItsNamespace()
    {
        var child = TestGraphs.Visiting("inner");
        var graph = new GraphBuilder()
            .AddState(TestKeys.All)
            .AddSubgraph("sub", child)
            .AddEdge("sub", NodeName.End)
            .SetEntry("sub")
            .Build();
        var runner = await RunnerAsync(graph);

        var turn = await runner.RunTurnAsync("t1", []);

        turn.State.Get(TestKeys.Trail).Should().Equal("inner");
        var input = (await runner.HistoryAsync("t1"))[^1];
        (await runner.HistoryAsync("t1", SubgraphNamespace.For(string.Empty, "sub", input.CheckpointId))).Should().HaveCount(2);
    }

    private async Task<GraphRunner> RunnerAsync(ConversationGraph graph)
    {
        var saver = await SqliteCheckpointSaver.OpenAsync(new SqliteCheckpointOptions { FilePath = Path.Combine(_directory, "runtime.db") });
        _savers.Add(saver);
        return TestGraphs.Runner(graph, saver);
    }
}
