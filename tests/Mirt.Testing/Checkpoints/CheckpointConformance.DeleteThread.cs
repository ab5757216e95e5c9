using FluentAssertions;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>DeleteThread: removing a thread with everything it holds.</summary>
public abstract partial class CheckpointConformance
{
    [Fact]
    public async Task DeleteThread_RemovesEveryCheckpoint()
    {
        await PutChainAsync("t1", 3);

        await Saver.DeleteThreadAsync("t1");

        (await GetAsync("t1")).Should().BeNull();
        (await ThreadIdsAsync("t1")).Should().BeEmpty();
    }

    [Fact]
    public async Task DeleteThread_RemovesPendingWrites()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint("ck-1"));
        await Saver.PutWritesAsync(stored, [Write("ch", "\"val\"")], "task-1");

        await Saver.DeleteThreadAsync("t1");

        (await GetAsync("t1")).Should().BeNull();
        await PutAsync(At("t1"), NewCheckpoint("ck-1"));
        (await GetAsync("t1"))!.PendingWrites.Should().BeEmpty("the deleted thread's writes must not come back with a reused checkpoint id");
    }

    [Fact]
    public async Task DeleteThread_RemovesEveryNamespace()
    {
        await PutAsync(At("t1", ns: ""), NewCheckpoint(NextId()));
        await PutAsync(At("t1", ns: "child:1"), NewCheckpoint(NextId()));

        await Saver.DeleteThreadAsync("t1");

        (await GetAsync("t1", ns: "")).Should().BeNull();
        (await GetAsync("t1", ns: "child:1")).Should().BeNull();
    }

    [Fact]
    public async Task DeleteThread_LeavesOtherThreads()
    {
        await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("a", 1, "\"one\"")));
        var other = await PutAsync(At("t2"), NewCheckpoint(NextId(), 0, ("a", 1, "\"two\"")));
        await Saver.PutWritesAsync(other, [Write("ch", "1")], "task-1");

        await Saver.DeleteThreadAsync("t1");

        var kept = await GetAsync("t2");
        kept!.Checkpoint.ChannelValues.Should().Equal(Values(("a", "\"two\"")));
        kept.PendingWrites.Should().ContainSingle();
    }

    [Fact]
    public async Task DeleteThread_UnknownThread_DoesNothing()
    {
        await PutAsync(At("t1"), NewCheckpoint(NextId()));

        await Saver.DeleteThreadAsync("nobody");

        (await GetAsync("t1")).Should().NotBeNull();
    }

    [Fact]
    public async Task DeleteThread_ThenPutSameIds_StartsAFreshThread()
    {
        await PutAsync(At("t1"), NewCheckpoint("ck-1", 0, ("a", 1, "\"old\"")));
        await Saver.DeleteThreadAsync("t1");

        await PutAsync(At("t1"), NewCheckpoint("ck-1", 0, ("a", 1, "\"new\"")));

        (await GetAsync("t1"))!.Checkpoint.ChannelValues["a"].Should().Be("\"new\"", "the deleted thread's channel values are gone, so version 1 is written afresh");
        if (await CountStoredValuesAsync("t1") is { } stored)
        {
            stored.Should().Be(1);
        }
    }

    [Fact]
    public async Task DeleteThread_EmptyThreadId_ThrowsArgumentException()
    {
        var act = () => Saver.DeleteThreadAsync(" ");

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task DeleteThread_Cancelled_ThrowsAndRemovesNothing()
    {
        await PutChainAsync("t1", 2);

        var act = () => Saver.DeleteThreadAsync("t1", CancelledToken());

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await ThreadIdsAsync("t1")).Should().HaveCount(2);
    }
}
