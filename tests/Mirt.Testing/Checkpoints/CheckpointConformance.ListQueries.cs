using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>List, the query parts LangGraph lacks: across threads and namespaces, by id, node filters, and rejected queries.</summary>
public abstract partial class CheckpointConformance
{
    [Fact]
    public async Task List_FilterOnNode_MatchesOnlyCheckpointsWithThatNode()
    {
        var offer = await PutAsync(At("t1"), NewCheckpoint(NextId()), Meta(0, node: "offer"));
        await PutAsync(At("t1"), NewCheckpoint(NextId()), Meta(0, node: "reply"));
        await PutAsync(At("t1"), NewCheckpoint(NextId()), Meta(0, CheckpointMetadata.InputSource, node: null));

        (await ListIdsAsync(ThreadQuery("t1") with { Filter = Filter(("node", "offer")) })).Should().Equal(offer.CheckpointId);
    }

    [Fact]
    public async Task List_EmptyFilter_MatchesEverything()
    {
        var stored = await PutInputLoopChainAsync("t1");

        (await ListIdsAsync(ThreadQuery("t1") with { Filter = Filter() })).Should().Equal(NewestFirst(stored));
    }

    [Fact]
    public async Task List_AcrossThreads_OrdersByIdThenThreadThenNamespace()
    {
        await PutAsync(At("t2"), NewCheckpoint("ck-1"));
        await PutAsync(At("t1", ns: "child"), NewCheckpoint("ck-1"));
        await PutAsync(At("t1"), NewCheckpoint("ck-1"));
        await PutAsync(At("t3"), NewCheckpoint("ck-2"));

        var listed = await ListAsync(new CheckpointQuery());

        listed.Select(t => t.Config).Should().Equal(
            At("t3", "ck-2"),
            At("t1", "ck-1"),
            At("t1", "ck-1", "child"),
            At("t2", "ck-1"));
    }

    [Fact]
    public async Task List_AcrossThreadsWithFilter_FindsEveryThreadsMatches()
    {
        var a = await PutAsync(At("t1"), NewCheckpoint(NextId()), Meta(0, extra: ("tenant", "shop-1")));
        await PutAsync(At("t2"), NewCheckpoint(NextId()), Meta(0, extra: ("tenant", "shop-2")));
        var b = await PutAsync(At("t3", ns: "sub"), NewCheckpoint(NextId()), Meta(0, extra: ("tenant", "shop-1")));

        var listed = await ListAsync(new CheckpointQuery { Filter = Filter(("tenant", "shop-1")) });

        listed.Select(t => t.Config).Should().Equal(b, a);
    }

    [Fact]
    public async Task List_NamespaceNull_ListsEveryNamespaceOfTheThread()
    {
        var root = await PutAsync(At("t1"), NewCheckpoint(NextId()));
        var child = await PutAsync(At("t1", ns: "child:1"), NewCheckpoint(NextId()));
        await PutAsync(At("t2"), NewCheckpoint(NextId()));

        var listed = await ListAsync(new CheckpointQuery { ThreadId = "t1" });

        listed.Select(t => t.Config).Should().Equal(child, root);
    }

    [Fact]
    public async Task List_ByCheckpointId_ReturnsOnlyThatCheckpoint()
    {
        var stored = await PutChainAsync("t1", 3);
        await PutAsync(At("t1", ns: "child"), NewCheckpoint(stored[1].CheckpointId!));

        (await ListAsync(ThreadQuery("t1") with { CheckpointId = stored[1].CheckpointId })).Select(t => t.Config).Should().Equal(stored[1]);
        (await ListAsync(new CheckpointQuery { ThreadId = "t1", CheckpointId = stored[1].CheckpointId })).Should().HaveCount(2);
        (await ListAsync(ThreadQuery("t1") with { CheckpointId = "ck-missing" })).Should().BeEmpty();
    }

    [Fact]
    public async Task List_NegativeLimit_ThrowsArgumentOutOfRange()
    {
        var act = async () => await ListAsync(ThreadQuery("t1") with { Limit = -1 });

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task List_NullQuery_ThrowsArgumentNull()
    {
        var act = async () => await ListAsync(null!);

        await act.Should().ThrowAsync<ArgumentNullException>();
    }

    [Fact]
    public async Task List_Cancelled_Throws()
    {
        await PutChainAsync("t1", 2);

        var act = async () =>
        {
            await foreach (var unused in Saver.ListAsync(ThreadQuery("t1"), CancelledToken()))
            {
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
