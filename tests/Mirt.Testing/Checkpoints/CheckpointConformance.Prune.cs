using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>Prune: keeping only each namespace's latest checkpoint, or deleting whole threads.</summary>
public abstract partial class CheckpointConformance
{
    [Fact]
    public async Task Prune_KeepLatest_LeavesOnlyTheLatest()
    {
        var stored = await PutChainAsync("t1", 4);

        await Saver.PruneAsync(["t1"], PruneStrategy.KeepLatest);

        (await ListAsync(CheckpointQuery.ForThread("t1"))).Select(t => t.Config).Should().Equal(stored[^1]);
    }

    [Fact]
    public async Task Prune_KeepLatest_EachThreadKeepsItsLatest()
    {
        var first = await PutChainAsync("t1", 3);
        var second = await PutChainAsync("t2", 2);

        await Saver.PruneAsync(["t1", "t2"], PruneStrategy.KeepLatest);

        (await ThreadIdsAsync("t1")).Should().Equal(first[^1].CheckpointId);
        (await ThreadIdsAsync("t2")).Should().Equal(second[^1].CheckpointId);
    }

    [Fact]
    public async Task Prune_KeepLatest_KeepsTheLatestOfEachNamespace()
    {
        var root = await PutChainAsync("t1", 3, ns: "");
        var child = await PutChainAsync("t1", 2, ns: "child:1");

        await Saver.PruneAsync(["t1"], PruneStrategy.KeepLatest);

        (await ThreadIdsAsync("t1", "")).Should().Equal(root[^1].CheckpointId);
        (await ThreadIdsAsync("t1", "child:1")).Should().Equal(child[^1].CheckpointId);
    }

    [Fact]
    public async Task Prune_KeepLatest_KeepsTheLatestsPendingWrites()
    {
        var stored = await PutChainAsync("t1", 3);
        await Saver.PutWritesAsync(stored[0], [Write("old", "0")], "task-0");
        await Saver.PutWritesAsync(stored[^1], [Write("ch", "\"val\"")], "task-1");

        await Saver.PruneAsync(["t1"], PruneStrategy.KeepLatest);

        (await GetAsync("t1"))!.PendingWrites.Should().Equal(new PendingWrite("task-1", "ch", "\"val\""));
    }

    [Fact]
    public async Task Prune_Delete_RemovesTheWholeThread()
    {
        await PutChainAsync("t1", 3);
        await PutChainAsync("t1", 1, ns: "child:1");

        await Saver.PruneAsync(["t1"], PruneStrategy.Delete);

        (await ListIdsAsync(new CheckpointQuery { ThreadId = "t1" })).Should().BeEmpty();
        if (await CountStoredValuesAsync("t1") is { } stored)
        {
            stored.Should().Be(0);
        }
    }

    [Fact]
    public async Task Prune_LeavesUnlistedThreads()
    {
        await PutChainAsync("t1", 3);
        await PutChainAsync("t2", 2);
        var before = await ListAsync(CheckpointQuery.ForThread("t2"));

        await Saver.PruneAsync(["t1"], PruneStrategy.KeepLatest);

        (await ListAsync(CheckpointQuery.ForThread("t2"))).Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Prune_EmptyList_DoesNothing()
    {
        await PutChainAsync("t1", 2);

        await Saver.PruneAsync([], PruneStrategy.KeepLatest);

        (await ThreadIdsAsync("t1")).Should().HaveCount(2);
    }

    [Fact]
    public async Task Prune_UnknownThread_DoesNothing()
    {
        await PutChainAsync("t1", 2);

        await Saver.PruneAsync(["nobody"], PruneStrategy.KeepLatest);
        await Saver.PruneAsync(["nobody"], PruneStrategy.Delete);

        (await ThreadIdsAsync("t1")).Should().HaveCount(2);
    }

    [Fact]
    public async Task Prune_KeepLatest_LatestStillLoadsValuesWrittenByOlderCheckpoints()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("kept", 1, "\"from step 0\""), ("moving", 1, "0")));
        var second = await PutAsync(first, NewCheckpoint(NextId(), 1, ("kept", 1, "\"from step 0\""), ("moving", 2, "1")), newVersions: Versions(("moving", 2)));

        await Saver.PruneAsync(["t1"], PruneStrategy.KeepLatest);

        (await GetAsync("t1"))!.Checkpoint.ChannelValues.Should().Equal(Values(("kept", "\"from step 0\""), ("moving", "1")));
        (await GetAsync("t1", first.CheckpointId)).Should().BeNull();
        (await GetAsync("t1"))!.Config.Should().Be(second);
    }

    [Fact]
    public async Task Prune_KeepLatest_ForgetsValuesNoCheckpointReferences()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("a", 1, "\"old\"")));
        var second = await PutAsync(first, NewCheckpoint(NextId(), 1, ("a", 2, "\"x\"")));

        await Saver.PruneAsync(["t1"], PruneStrategy.KeepLatest);

        if (await CountStoredValuesAsync("t1") is { } stored)
        {
            stored.Should().Be(1, "only 'a' version 2 is still referenced");
        }

        await PutAsync(second, NewCheckpoint(NextId(), 2, ("a", 1, "\"new\"")));
        (await GetAsync("t1"))!.Checkpoint.ChannelValues["a"].Should().Be("\"new\"", "'a' version 1 was collected, so writing it again stores the new value");
    }

    [Fact]
    public async Task Prune_NullThreadIds_ThrowsArgumentNull()
    {
        var act = () => Saver.PruneAsync(null!, PruneStrategy.KeepLatest);

        await act.Should().ThrowAsync<ArgumentNullException>();
    }

    [Fact]
    public async Task Prune_EmptyThreadIdOrUndefinedStrategy_ThrowsArgumentException()
    {
        await PutChainAsync("t1", 2);

        var emptyId = () => Saver.PruneAsync(["t1", " "], PruneStrategy.KeepLatest);
        var undefined = () => Saver.PruneAsync(["t1"], (PruneStrategy)7);

        await emptyId.Should().ThrowAsync<ArgumentException>();
        await undefined.Should().ThrowAsync<ArgumentException>().WithMessage("Prune strategy 7 is not defined*");
        (await ThreadIdsAsync("t1")).Should().HaveCount(2);
    }

    [Fact]
    public async Task Prune_Cancelled_ThrowsAndRemovesNothing()
    {
        await PutChainAsync("t1", 3);

        var act = () => Saver.PruneAsync(["t1"], PruneStrategy.KeepLatest, CancelledToken());

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await ThreadIdsAsync("t1")).Should().HaveCount(3);
    }
}
