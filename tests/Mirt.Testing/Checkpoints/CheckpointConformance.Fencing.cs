using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>Fencing: a put with an <see cref="ExpectedHead"/> commits only while the thread's head is the expected one.</summary>
public abstract partial class CheckpointConformance
{
    [Fact]
    public async Task Fence_IsTheCurrentHead_Succeeds()
    {
        var head = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0));

        var child = await PutAsync(head, NewCheckpoint(NextId(), 1), expectedHead: ExpectedHead.Is(head.CheckpointId));

        (await GetAsync("t1"))!.Config.Should().Be(child);
    }

    [Fact]
    public async Task Fence_IsAStaleHead_ConflictsAndStoresNothing()
    {
        var stale = await PutAsync(At("t1", ns: "sub"), NewCheckpoint(NextId(), 0));
        var head = await PutAsync(stale, NewCheckpoint(NextId(), 1));

        var act = () => PutAsync(stale, NewCheckpoint(NextId(), 1, ("a", 1, "1")), expectedHead: ExpectedHead.Is(stale.CheckpointId));

        var conflict = (await act.Should().ThrowAsync<CheckpointConflictException>()).Which;
        conflict.ThreadId.Should().Be("t1");
        conflict.Namespace.Should().Be("sub");
        conflict.ExpectedHead.Should().Be(stale.CheckpointId);
        conflict.ActualHead.Should().Be(head.CheckpointId);
        (await ThreadIdsAsync("t1", "sub")).Should().Equal(head.CheckpointId, stale.CheckpointId);
    }

    [Fact]
    public async Task Fence_IsOnAnEmptyThread_Conflicts()
    {
        var act = () => PutAsync(At("t1"), NewCheckpoint("ck-2"), expectedHead: ExpectedHead.Is("ck-1"));

        var conflict = (await act.Should().ThrowAsync<CheckpointConflictException>()).Which;
        conflict.ActualHead.Should().BeNull();
        (await GetAsync("t1")).Should().BeNull();
    }

    [Fact]
    public async Task Fence_None_OnAnEmptyThread_Succeeds()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()), expectedHead: ExpectedHead.None);

        (await GetAsync("t1"))!.Config.Should().Be(stored);
    }

    [Fact]
    public async Task Fence_None_OnANonEmptyThread_Conflicts()
    {
        var head = await PutAsync(At("t1"), NewCheckpoint(NextId()));

        var act = () => PutAsync(At("t1"), NewCheckpoint(NextId()), expectedHead: ExpectedHead.None);

        var conflict = (await act.Should().ThrowAsync<CheckpointConflictException>()).Which;
        conflict.ExpectedHead.Should().BeNull();
        conflict.ActualHead.Should().Be(head.CheckpointId);
        (await ThreadIdsAsync("t1")).Should().Equal(head.CheckpointId);
    }

    [Fact]
    public async Task Fence_IsNull_MeansNone()
    {
        await PutAsync(At("t1"), NewCheckpoint(NextId()));

        var act = () => PutAsync(At("t1"), NewCheckpoint(NextId()), expectedHead: ExpectedHead.Is(null));

        await act.Should().ThrowAsync<CheckpointConflictException>();
    }

    [Fact]
    public async Task Fence_Any_NeverConflicts()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0));
        await PutAsync(first, NewCheckpoint(NextId(), 1));

        var fork = await PutAsync(first, NewCheckpoint(NextId(), 1), Meta(1, CheckpointMetadata.ForkSource), expectedHead: ExpectedHead.Any);
        var unparented = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0), expectedHead: default);

        (await ThreadIdsAsync("t1")).Should().HaveCount(4);
        (await GetAsync("t1"))!.Config.Should().Be(unparented);
        (await Saver.GetTupleAsync(fork))!.ParentConfig.Should().Be(first);
    }

    [Fact]
    public async Task Fence_EachNamespaceHasItsOwnHead()
    {
        var root = await PutAsync(At("t1"), NewCheckpoint(NextId()));

        var child = await PutAsync(At("t1", ns: "child"), NewCheckpoint(NextId()), expectedHead: ExpectedHead.None);
        var act = () => PutAsync(At("t1", ns: "child"), NewCheckpoint(NextId()), expectedHead: ExpectedHead.Is(root.CheckpointId));

        await act.Should().ThrowAsync<CheckpointConflictException>();
        (await PutAsync(root, NewCheckpoint(NextId()), expectedHead: ExpectedHead.Is(root.CheckpointId))).Should().NotBeNull();
        (await ThreadIdsAsync("t1", "child")).Should().Equal(child.CheckpointId);
    }

    [Fact]
    public async Task Fence_EachThreadHasItsOwnHead()
    {
        await PutAsync(At("t1"), NewCheckpoint(NextId()));

        var other = await PutAsync(At("t2"), NewCheckpoint(NextId()), expectedHead: ExpectedHead.None);

        (await GetAsync("t2"))!.Config.Should().Be(other);
    }

    [Fact]
    public async Task Fence_IdNotSortingAfterTheExpectedHead_ThrowsArgumentException()
    {
        var head = await PutAsync(At("t1"), NewCheckpoint("ck-5"));

        var act = () => PutAsync(head, NewCheckpoint("ck-4"), expectedHead: ExpectedHead.Is("ck-5"));

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("Checkpoint 'ck-4' does not sort after the expected head 'ck-5'*");
        (await ThreadIdsAsync("t1")).Should().Equal("ck-5");
    }

    [Fact]
    public async Task Fence_Conflict_WritesNoChannelValue()
    {
        var stale = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("a", 1, "0")));
        var head = await PutAsync(stale, NewCheckpoint(NextId(), 1, ("a", 2, "\"winner\"")), newVersions: Versions(("a", 2)));
        var loser = () => PutAsync(stale, NewCheckpoint(NextId(), 1, ("a", 2, "\"winner\""), ("b", 1, "\"loser\"")), expectedHead: ExpectedHead.Is(stale.CheckpointId));
        await loser.Should().ThrowAsync<CheckpointConflictException>();

        await PutAsync(head, NewCheckpoint(NextId(), 2, ("a", 2, "\"winner\""), ("b", 1, "\"retry\"")), newVersions: Versions(("b", 1)), expectedHead: ExpectedHead.Is(head.CheckpointId));

        (await GetAsync("t1"))!.Checkpoint.ChannelValues["b"].Should().Be("\"retry\"", "the conflicted put must not have stored its 'b' version 1");
    }

    [Fact]
    public async Task Fence_Conflict_LeavesPendingWritesOfTheHeadAlone()
    {
        var stale = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0));
        var head = await PutAsync(stale, NewCheckpoint(NextId(), 1));
        await Saver.PutWritesAsync(head, [Write("ch", "1")], "task-1");

        var loser = () => PutAsync(stale, NewCheckpoint(NextId(), 1), expectedHead: ExpectedHead.Is(stale.CheckpointId));

        await loser.Should().ThrowAsync<CheckpointConflictException>();
        (await GetAsync("t1"))!.PendingWrites.Should().ContainSingle();
    }
}
