using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>CopyThread: copying a thread, in all namespaces, to a new thread id.</summary>
public abstract partial class CheckpointConformance
{
    [Fact]
    public async Task CopyThread_CheckpointsAppearOnTheTarget()
    {
        await PutChainAsync("src", 3);

        await Saver.CopyThreadAsync("src", "dst");

        (await ThreadIdsAsync("dst")).Should().HaveCount(3);
    }

    [Fact]
    public async Task CopyThread_CopiesEveryCheckpointWithItsValues()
    {
        await PutChainAsync("src", 3);

        await Saver.CopyThreadAsync("src", "dst");

        var source = await ListAsync(CheckpointQuery.ForThread("src"));
        var target = await ListAsync(CheckpointQuery.ForThread("dst"));
        target.Select(t => t.Checkpoint).Should().BeEquivalentTo(source.Select(t => t.Checkpoint), o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task CopyThread_PreservesMetadata()
    {
        await PutChainAsync("src", 2, metadata: i => Meta(i, CheckpointMetadata.InputSource, $"node-{i}", ("phase", $"p{i}"), (CheckpointMetadata.RunIdKey, "run-1")));

        await Saver.CopyThreadAsync("src", "dst");

        var source = await ListAsync(CheckpointQuery.ForThread("src"));
        var target = await ListAsync(CheckpointQuery.ForThread("dst"));
        target.Select(t => t.Metadata).Should().BeEquivalentTo(source.Select(t => t.Metadata), o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task CopyThread_PreservesNamespaces()
    {
        var root = await PutAsync(At("src", ns: ""), NewCheckpoint(NextId()));
        var child = await PutAsync(At("src", ns: "child:1"), NewCheckpoint(NextId()));

        await Saver.CopyThreadAsync("src", "dst");

        (await ThreadIdsAsync("dst", "")).Should().Equal(root.CheckpointId);
        (await ThreadIdsAsync("dst", "child:1")).Should().Equal(child.CheckpointId);
    }

    [Fact]
    public async Task CopyThread_PreservesPendingWrites()
    {
        var stored = await PutChainAsync("src", 2);
        await Saver.PutWritesAsync(stored[0], [Write("old", "0")], "task-0");
        await Saver.PutWritesAsync(stored[1], [Write("ch", "\"write val\""), Write(WriteChannels.Interrupt, "{}")], "task-1", "p");

        await Saver.CopyThreadAsync("src", "dst");

        (await GetAsync("dst"))!.PendingWrites.Should().Equal((await GetAsync("src"))!.PendingWrites);
        (await GetAsync("dst", stored[0].CheckpointId))!.PendingWrites.Should().Equal(new PendingWrite("task-0", "old", "0"));
    }

    [Fact]
    public async Task CopyThread_PreservesOrder()
    {
        await PutChainAsync("src", 4);

        await Saver.CopyThreadAsync("src", "dst");

        (await ThreadIdsAsync("dst")).Should().Equal(await ThreadIdsAsync("src"));
    }

    [Fact]
    public async Task CopyThread_LeavesTheSourceUnchanged()
    {
        await PutChainAsync("src", 2);
        var before = await ListAsync(CheckpointQuery.ForThread("src"));

        await Saver.CopyThreadAsync("src", "dst");

        (await ListAsync(CheckpointQuery.ForThread("src"))).Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task CopyThread_UnknownSource_LeavesTheTargetEmpty()
    {
        await Saver.CopyThreadAsync("nobody", "dst");

        (await ListIdsAsync(new CheckpointQuery { ThreadId = "dst" })).Should().BeEmpty();
    }

    [Fact]
    public async Task CopyThread_KeepsIdsAndPointsParentsAtTheTarget()
    {
        var stored = await PutChainAsync("src", 2, ns: "sub");

        await Saver.CopyThreadAsync("src", "dst");

        var copied = await GetAsync("dst", ns: "sub");
        copied!.Config.Should().Be(At("dst", stored[1].CheckpointId, "sub"));
        copied.ParentConfig.Should().Be(At("dst", stored[0].CheckpointId, "sub"));
    }

    [Fact]
    public async Task CopyThread_UnchangedValuesWrittenByOlderCheckpointsStillLoad()
    {
        var first = await PutAsync(At("src"), NewCheckpoint(NextId(), 0, ("kept", 1, "\"from step 0\""), ("moving", 1, "0")));
        await PutAsync(first, NewCheckpoint(NextId(), 1, ("kept", 1, "\"from step 0\""), ("moving", 2, "1")), newVersions: Versions(("moving", 2)));

        await Saver.CopyThreadAsync("src", "dst");

        (await GetAsync("dst"))!.Checkpoint.ChannelValues.Should().Equal(Values(("kept", "\"from step 0\""), ("moving", "1")));
    }

    [Fact]
    public async Task CopyThread_TheCopyIsIndependentOfTheSource()
    {
        var stored = await PutChainAsync("src", 2);
        await Saver.CopyThreadAsync("src", "dst");

        await PutAsync(At("dst", stored[1].CheckpointId), NewCheckpoint(NextId(), 2, ("step", 3, "\"target only\"")));
        await Saver.PutWritesAsync(At("dst", stored[1].CheckpointId), [Write("ch", "1")], "task-1");
        await Saver.DeleteThreadAsync("src");

        (await ThreadIdsAsync("dst")).Should().HaveCount(3);
        (await GetAsync("dst", stored[1].CheckpointId))!.PendingWrites.Should().ContainSingle();
        (await GetAsync("dst", stored[0].CheckpointId))!.Checkpoint.ChannelValues.Should().Equal(Values(("step", "0")));
    }

    [Fact]
    public async Task CopyThread_TargetHoldingCheckpoints_ThrowsInvalidOperationAndChangesNothing()
    {
        await PutChainAsync("src", 2);
        var existing = await PutAsync(At("dst", ns: "other"), NewCheckpoint(NextId()));

        var act = () => Saver.CopyThreadAsync("src", "dst");

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("Thread 'dst' holds checkpoints already*");
        (await ListAsync(new CheckpointQuery { ThreadId = "dst" })).Select(t => t.Config).Should().Equal(existing);
    }

    [Fact]
    public async Task CopyThread_OntoItselfOrEmptyIds_ThrowsArgumentException()
    {
        await PutChainAsync("src", 1);

        var ontoItself = () => Saver.CopyThreadAsync("src", "src");
        var noTarget = () => Saver.CopyThreadAsync("src", "");

        await ontoItself.Should().ThrowAsync<ArgumentException>().WithMessage("Cannot copy thread 'src' onto itself*");
        await noTarget.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task CopyThread_Cancelled_ThrowsAndWritesNothing()
    {
        await PutChainAsync("src", 2);

        var act = () => Saver.CopyThreadAsync("src", "dst", CancelledToken());

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await ListIdsAsync(new CheckpointQuery { ThreadId = "dst" })).Should().BeEmpty();
    }
}
