using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>List: listing checkpoints newest first, filtered by thread, namespace, id, metadata, cursor and limit.</summary>
public abstract partial class CheckpointConformance
{
    [Fact]
    public async Task List_ThreadWithoutFilters_ReturnsAllItsCheckpoints()
    {
        await PutInputLoopChainAsync("t1");

        (await ThreadIdsAsync("t1")).Should().HaveCount(4);
    }

    [Fact]
    public async Task List_ByThread_ExcludesOtherThreads()
    {
        var stored = await PutInputLoopChainAsync("t1");
        await PutChainAsync("t2", 2);

        (await ThreadIdsAsync("nobody")).Should().BeEmpty();
        (await ThreadIdsAsync("t1")).Should().Equal(NewestFirst(stored));
    }

    [Fact]
    public async Task List_ByNamespace_ReturnsOnlyThatNamespace()
    {
        var root = await PutAsync(At("t1", ns: ""), NewCheckpoint(NextId()));
        var child = await PutAsync(At("t1", ns: "child:1"), NewCheckpoint(NextId()));

        (await ThreadIdsAsync("t1", "")).Should().Equal(root.CheckpointId);
        (await ThreadIdsAsync("t1", "child:1")).Should().Equal(child.CheckpointId);
    }

    [Fact]
    public async Task List_RootNamespace_ExcludesChildNamespaces()
    {
        var root = await PutAsync(At("t1", ns: ""), NewCheckpoint(NextId()));
        await PutAsync(At("t1", ns: "child:1"), NewCheckpoint(NextId()));
        await PutAsync(At("t1", ns: "child:2"), NewCheckpoint(NextId()));

        (await ThreadIdsAsync("t1", "")).Should().Equal(root.CheckpointId);
    }

    [Fact]
    public async Task List_Order_IsNewestFirst()
    {
        var stored = await PutInputLoopChainAsync("t1");

        (await ThreadIdsAsync("t1")).Should().Equal(stored.Select(c => c.CheckpointId).Reverse());
    }

    [Fact]
    public async Task List_Order_FollowsIdsNotCreatedAtOrPutOrder()
    {
        await PutAsync(At("t1"), NewCheckpoint("ck-2") with { CreatedAt = Start });
        await PutAsync(At("t1"), NewCheckpoint("ck-3") with { CreatedAt = Start.AddHours(-1) });
        await PutAsync(At("t1"), NewCheckpoint("ck-1") with { CreatedAt = Start.AddHours(1) });

        (await ThreadIdsAsync("t1")).Should().Equal("ck-3", "ck-2", "ck-1");
        (await ListIdsAsync(new CheckpointQuery { ThreadId = "t1", Before = "ck-3" })).Should().Equal("ck-2", "ck-1");
    }

    [Fact]
    public async Task List_FilterOnSource_ReturnsOnlyMatches()
    {
        var stored = await PutInputLoopChainAsync("t1");

        var listed = await ListAsync(ThreadQuery("t1") with { Filter = Filter(("source", CheckpointMetadata.InputSource)) });

        listed.Select(t => t.Checkpoint.Id).Should().Equal(stored[2].CheckpointId, stored[0].CheckpointId);
        listed.Should().OnlyContain(t => t.Metadata.Source == CheckpointMetadata.InputSource);
    }

    [Fact]
    public async Task List_FilterOnStep_MatchesItsInvariantText()
    {
        var stored = await PutInputLoopChainAsync("t1");

        var listed = await ListAsync(ThreadQuery("t1") with { Filter = Filter(("step", "1")) });

        listed.Should().ContainSingle().Which.Checkpoint.Id.Should().Be(stored[1].CheckpointId);
        listed[0].Metadata.Step.Should().Be(1);
    }

    [Fact]
    public async Task List_FilterOnSeveralKeys_RequiresAllToMatch()
    {
        await PutAsync(At("t1"), NewCheckpoint(NextId(), 1), Meta(1, CheckpointMetadata.InputSource));
        await PutAsync(At("t1"), NewCheckpoint(NextId(), 1), Meta(1, CheckpointMetadata.LoopSource));
        var match = await PutAsync(At("t1"), NewCheckpoint(NextId(), 2), Meta(2, CheckpointMetadata.InputSource));

        var listed = await ListIdsAsync(ThreadQuery("t1") with { Filter = Filter(("source", CheckpointMetadata.InputSource), ("step", "2")) });

        listed.Should().Equal(match.CheckpointId);
    }

    [Fact]
    public async Task List_FilterMatchingNothing_IsEmpty()
    {
        await PutInputLoopChainAsync("t1");

        (await ListIdsAsync(ThreadQuery("t1") with { Filter = Filter(("source", CheckpointMetadata.UpdateSource), ("step", "99")) })).Should().BeEmpty();
    }

    [Fact]
    public async Task List_FilterOnExtraKeys_ReturnsOnlyMatches()
    {
        var match = await PutAsync(At("t1"), NewCheckpoint(NextId()), Meta(0, extra: [("score", "42"), (CheckpointMetadata.RunIdKey, "run-abc")]));
        await PutAsync(At("t1"), NewCheckpoint(NextId()), Meta(0, extra: [("score", "99"), (CheckpointMetadata.RunIdKey, "run-xyz")]));

        var listed = await ListAsync(ThreadQuery("t1") with { Filter = Filter(("score", "42")) });

        listed.Should().ContainSingle().Which.Config.Should().Be(match);
        listed[0].Metadata.Extra.Should().Equal(Filter(("score", "42"), (CheckpointMetadata.RunIdKey, "run-abc")));
    }

    [Fact]
    public async Task List_Before_ReturnsOnlyOlderCheckpoints()
    {
        var stored = await PutInputLoopChainAsync("t1");

        var listed = await ListIdsAsync(ThreadQuery("t1") with { Before = stored[2].CheckpointId });

        listed.Should().Equal(stored[1].CheckpointId, stored[0].CheckpointId);
    }

    [Fact]
    public async Task List_Limit_CapsTheCount()
    {
        var stored = await PutInputLoopChainAsync("t1");

        (await ListIdsAsync(ThreadQuery("t1") with { Limit = 1 })).Should().Equal(stored[3].CheckpointId);
        (await ListIdsAsync(ThreadQuery("t1") with { Limit = 2 })).Should().Equal(stored[3].CheckpointId, stored[2].CheckpointId);
        (await ListIdsAsync(ThreadQuery("t1") with { Limit = 50 })).Should().HaveCount(4);
    }

    [Fact]
    public async Task List_LimitZero_IsEmpty()
    {
        await PutInputLoopChainAsync("t1");

        (await ListIdsAsync(ThreadQuery("t1") with { Limit = 0 })).Should().BeEmpty();
    }

    [Fact]
    public async Task List_LimitWithBefore_ReturnsTheNextOlderPage()
    {
        var stored = await PutInputLoopChainAsync("t1");

        (await ListIdsAsync(ThreadQuery("t1") with { Before = stored[3].CheckpointId, Limit = 1 })).Should().Equal(stored[2].CheckpointId);
    }

    [Fact]
    public async Task List_PagingWithBeforeAndLimit_VisitsEveryCheckpointOnce()
    {
        var stored = await PutChainAsync("t1", 7);
        var visited = new List<string>();
        string? cursor = null;

        while (true)
        {
            var page = await ListIdsAsync(ThreadQuery("t1") with { Before = cursor, Limit = 3 });
            if (page.Count == 0)
            {
                break;
            }

            visited.AddRange(page);
            cursor = page[^1];
        }

        visited.Should().Equal(NewestFirst(stored));
    }

    [Fact]
    public async Task List_ThreadAndFilterCombined_Intersect()
    {
        var stored = await PutInputLoopChainAsync("t1");
        await PutInputLoopChainAsync("t2");

        var listed = await ListIdsAsync(ThreadQuery("t1") with { Filter = Filter(("source", CheckpointMetadata.LoopSource)) });

        listed.Should().Equal(stored[3].CheckpointId, stored[1].CheckpointId);
    }

    [Fact]
    public async Task List_UnknownThreadWithFilter_IsEmpty()
    {
        (await ListIdsAsync(ThreadQuery("nobody") with { Filter = Filter(("source", "nonexistent")) })).Should().BeEmpty();
    }

    [Fact]
    public async Task List_IncludesPendingWrites()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));
        await Saver.PutWritesAsync(stored, [Write("ch", "\"val\"")], "task-1");

        var listed = await ListAsync(ThreadQuery("t1"));

        listed.Should().ContainSingle().Which.PendingWrites.Should().Equal(new PendingWrite("task-1", "ch", "\"val\""));
    }

    [Fact]
    public async Task List_LoadsValuesAndParentsLikeGetTuple()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("a", 1, "1")));
        var second = await PutAsync(first, NewCheckpoint(NextId(), 1, ("a", 1, "1"), ("b", 1, "2")), Meta(1, extra: ("k", "v")), Versions(("b", 1)));

        var listed = await ListAsync(ThreadQuery("t1"));

        listed.Should().BeEquivalentTo(new[] { await Saver.GetTupleAsync(second), await Saver.GetTupleAsync(first) }, o => o.WithStrictOrdering());
        listed[0].Checkpoint.ChannelValues.Should().Equal(Values(("a", "1"), ("b", "2")));
        listed[0].ParentConfig.Should().Be(first);
    }

    private static CheckpointQuery ThreadQuery(string threadId) => CheckpointQuery.ForThread(threadId);

    /// <summary>Puts four checkpoints: steps 0 and 2 from input, steps 1 and 3 from the loop.</summary>
    private Task<List<CheckpointConfig>> PutInputLoopChainAsync(string threadId) =>
        PutChainAsync(threadId, 4, metadata: i => Meta(i, i % 2 == 0 ? CheckpointMetadata.InputSource : CheckpointMetadata.LoopSource));
}
