using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>DeleteForRuns: deleting the checkpoints whose metadata names one of the given runs.</summary>
public abstract partial class CheckpointConformance
{
    [Fact]
    public async Task DeleteForRuns_OneRun_RemovesItsCheckpoints()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0), RunMeta("run-1"));
        var second = await PutAsync(first, NewCheckpoint(NextId(), 1), RunMeta("run-2"));

        await Saver.DeleteForRunsAsync(["run-1"]);

        (await ThreadIdsAsync("t1")).Should().Equal(second.CheckpointId);
    }

    [Fact]
    public async Task DeleteForRuns_SeveralRuns_RemovesThemAll()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0), RunMeta("run-1"));
        var second = await PutAsync(first, NewCheckpoint(NextId(), 1), RunMeta("run-2"));
        var third = await PutAsync(second, NewCheckpoint(NextId(), 2), RunMeta("run-3"));

        await Saver.DeleteForRunsAsync(["run-1", "run-2"]);

        (await ThreadIdsAsync("t1")).Should().Equal(third.CheckpointId);
    }

    [Fact]
    public async Task DeleteForRuns_LeavesOtherRuns()
    {
        var keep = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0), RunMeta("run-keep"));
        await PutAsync(At("t1"), NewCheckpoint(NextId(), 0), RunMeta("run-delete"));
        var keepLater = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0), RunMeta("run-keep"));

        await Saver.DeleteForRunsAsync(["run-delete"]);

        (await ThreadIdsAsync("t1")).Should().Equal(keepLater.CheckpointId, keep.CheckpointId);
    }

    [Fact]
    public async Task DeleteForRuns_RemovesPendingWrites()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint("ck-1"), RunMeta("run-1"));
        await Saver.PutWritesAsync(stored, [Write("ch", "\"val\"")], "task-1");

        await Saver.DeleteForRunsAsync(["run-1"]);

        (await Saver.GetTupleAsync(stored)).Should().BeNull();
        await PutAsync(At("t1"), NewCheckpoint("ck-1"), RunMeta("run-2"));
        (await Saver.GetTupleAsync(stored))!.PendingWrites.Should().BeEmpty("the deleted checkpoint's writes must not come back with a reused id");
    }

    [Fact]
    public async Task DeleteForRuns_EmptyList_DoesNothing()
    {
        await PutAsync(At("t1"), NewCheckpoint(NextId()), RunMeta("run-1"));

        await Saver.DeleteForRunsAsync([]);

        (await ThreadIdsAsync("t1")).Should().HaveCount(1);
    }

    [Fact]
    public async Task DeleteForRuns_UnknownRun_DoesNothing()
    {
        await PutAsync(At("t1"), NewCheckpoint(NextId()), RunMeta("run-1"));

        await Saver.DeleteForRunsAsync(["run-unknown"]);

        (await ThreadIdsAsync("t1")).Should().HaveCount(1);
    }

    [Fact]
    public async Task DeleteForRuns_CoversEveryNamespace()
    {
        await PutAsync(At("t1", ns: ""), NewCheckpoint(NextId()), RunMeta("run-1"));
        await PutAsync(At("t1", ns: "child:1"), NewCheckpoint(NextId()), RunMeta("run-1"));
        var other = await PutAsync(At("t1", ns: "child:1"), NewCheckpoint(NextId()), RunMeta("run-2"));

        await Saver.DeleteForRunsAsync(["run-1"]);

        (await ThreadIdsAsync("t1", "")).Should().BeEmpty();
        (await ThreadIdsAsync("t1", "child:1")).Should().Equal(other.CheckpointId);
    }

    [Fact]
    public async Task DeleteForRuns_CoversEveryThread()
    {
        await PutAsync(At("t1"), NewCheckpoint(NextId()), RunMeta("run-1"));
        await PutAsync(At("t2"), NewCheckpoint(NextId()), RunMeta("run-1"));
        var other = await PutAsync(At("t3"), NewCheckpoint(NextId()), RunMeta("run-2"));

        await Saver.DeleteForRunsAsync(["run-1"]);

        (await ListAsync(new CheckpointQuery())).Select(t => t.Config).Should().Equal(other);
    }

    [Fact]
    public async Task DeleteForRuns_CheckpointsWithoutARunId_AreKept()
    {
        var plain = await PutAsync(At("t1"), NewCheckpoint(NextId()), Meta(0, extra: ("run", "run-1")));
        await PutAsync(At("t1"), NewCheckpoint(NextId()), RunMeta("run-1"));

        await Saver.DeleteForRunsAsync(["run-1"]);

        (await ThreadIdsAsync("t1")).Should().Equal(plain.CheckpointId);
    }

    [Fact]
    public async Task DeleteForRuns_SurvivorsStillLoadValuesTheyShareWithDeletedCheckpoints()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("kept", 1, "\"from run 1\""), ("moving", 1, "0")), RunMeta("run-1"));
        await PutAsync(first, NewCheckpoint(NextId(), 1, ("kept", 1, "\"from run 1\""), ("moving", 2, "1")), RunMeta("run-2"), Versions(("moving", 2)));

        await Saver.DeleteForRunsAsync(["run-1"]);

        (await GetAsync("t1"))!.Checkpoint.ChannelValues.Should().Equal(Values(("kept", "\"from run 1\""), ("moving", "1")));
    }

    [Fact]
    public async Task DeleteForRuns_ForgetsValuesNoCheckpointReferences()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("a", 1, "\"old\"")), RunMeta("run-1"));
        var second = await PutAsync(first, NewCheckpoint(NextId(), 1, ("a", 2, "\"x\"")), RunMeta("run-2"));

        await Saver.DeleteForRunsAsync(["run-1"]);

        if (await CountStoredValuesAsync("t1") is { } stored)
        {
            stored.Should().Be(1, "only 'a' version 2 is still referenced");
        }

        await PutAsync(second, NewCheckpoint(NextId(), 2, ("a", 1, "\"new\"")), RunMeta("run-3"));
        (await GetAsync("t1"))!.Checkpoint.ChannelValues["a"].Should().Be("\"new\"", "'a' version 1 was collected, so writing it again stores the new value");
    }

    [Fact]
    public async Task DeleteForRuns_NullOrEmptyRunId_Throws()
    {
        await PutAsync(At("t1"), NewCheckpoint(NextId()), RunMeta("run-1"));

        var nullList = () => Saver.DeleteForRunsAsync(null!);
        var emptyId = () => Saver.DeleteForRunsAsync(["run-1", ""]);

        await nullList.Should().ThrowAsync<ArgumentNullException>();
        await emptyId.Should().ThrowAsync<ArgumentException>();
        (await ThreadIdsAsync("t1")).Should().HaveCount(1);
    }

    [Fact]
    public async Task DeleteForRuns_Cancelled_ThrowsAndRemovesNothing()
    {
        await PutAsync(At("t1"), NewCheckpoint(NextId()), RunMeta("run-1"));

        var act = () => Saver.DeleteForRunsAsync(["run-1"], CancelledToken());

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await ThreadIdsAsync("t1")).Should().HaveCount(1);
    }
}
