using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;
using Mirt.Testing;

namespace Mirt.Graph.Tests.Execution;

/// <summary>Covers <see cref="GraphRunnerOptions.LatestCacheSize"/>: a turn of a recently active thread starts
/// without reading the head, and a stale cached head is caught by the fence and reloaded.</summary>
public sealed class LatestCacheTests
{
    private static GraphRunnerOptions Options(int cacheSize, SequentialIdGenerator? ids = null) => new()
    {
        Time = new ManualTimeProvider(),
        Ids = ids ?? new SequentialIdGenerator(),
        LatestCacheSize = cacheSize,
        TurnConflictRetries = 0,
    };

    [Fact]
    public async Task RunTurnAsync_SecondTurnOfACachedThread_ReadsNothing()
    {
        var saver = new ReadCountingSaver(new InMemoryCheckpointSaver());
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a"), saver, Options(cacheSize: 8));

        await runner.RunTurnAsync("t1", TestKeys.Say("first"));
        var reads = saver.Reads;
        var turn = await runner.RunTurnAsync("t1", TestKeys.Say("second"));

        saver.Reads.Should().Be(reads, "the head came from the cache");
        turn.State.Get(TestKeys.Trail).Should().Equal("a", "a");
    }

    [Fact]
    public async Task RunTurnAsync_ThreadMovedOnByAnotherWriter_ReloadsAndAppliesTheInputToTheNewerState()
    {
        var store = new InMemoryCheckpointSaver();
        var ids = new SequentialIdGenerator();
        var graph = TestGraphs.Visiting("a");
        var replicaA = TestGraphs.Runner(graph, store, Options(cacheSize: 8, ids));
        var replicaB = TestGraphs.Runner(graph, store, Options(cacheSize: 8, ids));
        await replicaA.RunTurnAsync("t1", TestKeys.Say("first"));
        await replicaB.RunTurnAsync("t1", TestKeys.Say("second, on another replica"));

        var turn = await replicaA.RunTurnAsync("t1", TestKeys.Say("third"));

        turn.State.Get(TestKeys.Trail).Should().Equal("a", "a", "a");
        var history = await replicaA.HistoryAsync("t1");
        history.Should().HaveCount(6, "three turns of input + one node each, one linear thread");
        history.Zip(history.Skip(1)).Should().OnlyContain(pair => pair.First.ParentCheckpointId == pair.Second.CheckpointId);
    }

    [Fact]
    public async Task RunTurnAsync_ThreadDeletedBehindTheRunner_StartsAfresh()
    {
        var store = new InMemoryCheckpointSaver();
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a"), store, Options(cacheSize: 8));
        await runner.RunTurnAsync("t1", TestKeys.Say("first"));
        await store.DeleteThreadAsync("t1");

        var turn = await runner.RunTurnAsync("t1", TestKeys.Say("again"));

        turn.State.Get(TestKeys.Trail).Should().Equal("a");
    }

    [Fact]
    public async Task RunTurnAsync_AfterAnUpdate_StartsFromTheUpdatedState()
    {
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a"), options: Options(cacheSize: 8));
        await runner.RunTurnAsync("t1", TestKeys.Say("first"));
        await runner.UpdateStateAsync("t1", [TestKeys.Decision.Set("edited")]);

        var turn = await runner.RunTurnAsync("t1", TestKeys.Say("second"));

        turn.State.Get(TestKeys.Decision).Should().Be("edited");
    }

    [Fact]
    public async Task RunTurnAsync_MoreThreadsThanTheCapacity_ReadsTheLeastRecentlyUsedAgain()
    {
        var saver = new ReadCountingSaver(new InMemoryCheckpointSaver());
        var runner = TestGraphs.Runner(TestGraphs.Visiting("a"), saver, Options(cacheSize: 2));
        foreach (var thread in new[] { "t1", "t2", "t3" })
        {
            await runner.RunTurnAsync(thread, TestKeys.Say("hi"));
        }

        var reads = saver.Reads;
        await runner.RunTurnAsync("t3", TestKeys.Say("cached"));
        await runner.RunTurnAsync("t1", TestKeys.Say("dropped"));

        saver.Reads.Should().Be(reads + 1, "t3 is cached, t1 was dropped when t3 arrived");
    }

    [Fact]
    public void Constructor_NegativeCacheSize_Throws()
    {
        var act = () => TestGraphs.Runner(TestGraphs.Visiting("a"), options: Options(cacheSize: -1));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private sealed class ReadCountingSaver(ICheckpointSaver inner) : DelegatingCheckpointSaver(inner)
    {
        public int Reads { get; private set; }

        public override Task<CheckpointTuple?> GetTupleAsync(CheckpointConfig config, CancellationToken cancellationToken = default)
        {
            Reads++;
            return base.GetTupleAsync(config, cancellationToken);
        }
    }
}
