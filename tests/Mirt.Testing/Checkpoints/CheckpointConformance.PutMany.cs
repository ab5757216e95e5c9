using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>Cases for <see cref="ICheckpointSaver.PutManyAsync"/>: a turn's chain of checkpoints written as one unit.</summary>
public abstract partial class CheckpointConformance
{
    /// <summary>Builds a chain of <paramref name="count"/> puts on top of <paramref name="parent"/>, fenced on it; put
    /// <c>i</c> writes channel <c>c{i}</c> and re-names channel <c>shared</c> at version 1.</summary>
    private List<CheckpointPut> Chain(string threadId, string? parent, int count, int firstStep = 0, string ns = "")
    {
        var puts = new List<CheckpointPut>();
        for (var i = 0; i < count; i++)
        {
            var step = firstStep + i;
            var checkpoint = NewCheckpoint(NextId(), step, ("shared", 1, "\"s\""), ($"c{i}", 1, $"{i}"));
            var fence = i == 0 ? (parent is null ? ExpectedHead.None : ExpectedHead.Is(parent)) : ExpectedHead.Is(puts[^1].Checkpoint.Id);
            puts.Add(new CheckpointPut(At(threadId, i == 0 ? parent : puts[^1].Checkpoint.Id, ns), checkpoint, Meta(step), null, fence));
        }

        return puts;
    }

    [Fact]
    public async Task PutMany_Chain_StoresEveryCheckpointLinkedToItsParent()
    {
        var head = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0));
        var chain = Chain("t1", head.CheckpointId, 3, firstStep: 1);

        var stored = await Saver.PutManyAsync(chain);

        stored.Select(c => c.CheckpointId).Should().Equal(chain.Select(p => p.Checkpoint.Id));
        var history = await ListAsync(new CheckpointQuery { ThreadId = "t1" });
        history.Select(t => t.Checkpoint.Id).Should().Equal(chain.Select(p => p.Checkpoint.Id).Reverse().Append(head.CheckpointId!));
        history[0].ParentConfig!.Value.CheckpointId.Should().Be(chain[1].Checkpoint.Id);
        history[0].Checkpoint.ChannelValues.Should().Equal(Values(("shared", "\"s\""), ("c2", "2")));
        (await GetAsync("t1"))!.Metadata.Step.Should().Be(3);
    }

    [Fact]
    public async Task PutMany_EmptyList_StoresNothing()
    {
        var stored = await Saver.PutManyAsync([]);

        stored.Should().BeEmpty();
        (await GetAsync("t1")).Should().BeNull();
    }

    [Fact]
    public async Task PutMany_OnAnEmptyThread_StartsIt()
    {
        var chain = Chain("t1", null, 2);

        await Saver.PutManyAsync(chain);

        (await GetAsync("t1"))!.Checkpoint.Id.Should().Be(chain[1].Checkpoint.Id);
    }

    [Fact]
    public async Task PutMany_StaleFence_ConflictsAndStoresNoneOfTheChain()
    {
        var stale = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0));
        var head = await PutAsync(stale, NewCheckpoint(NextId(), 1));
        var chain = Chain("t1", stale.CheckpointId, 3, firstStep: 1);

        var act = () => Saver.PutManyAsync(chain);

        (await act.Should().ThrowAsync<CheckpointConflictException>()).Which.ActualHead.Should().Be(head.CheckpointId);
        (await ListAsync(new CheckpointQuery { ThreadId = "t1" })).Should().HaveCount(2);
    }

    [Fact]
    public async Task PutMany_ReusedIdInTheChain_StoresNoneOfIt()
    {
        var head = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0));
        var chain = Chain("t1", head.CheckpointId, 2, firstStep: 1);
        chain[0] = chain[0] with { ExpectedHead = ExpectedHead.Any };
        await PutAsync(head, chain[1].Checkpoint, Meta(2));

        var act = () => Saver.PutManyAsync(chain);

        await act.Should().ThrowAsync<InvalidOperationException>();
        (await GetAsync("t1", chain[0].Checkpoint.Id)).Should().BeNull("a chain is stored whole or not at all");
    }

    [Fact]
    public async Task PutMany_BrokenLink_IsRejected()
    {
        var chain = Chain("t1", null, 2);
        chain[1] = chain[1] with { Config = At("t1", "not-the-parent") };

        var act = () => Saver.PutManyAsync(chain);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("parent");
        (await GetAsync("t1")).Should().BeNull();
    }

    [Fact]
    public async Task PutMany_MixedThreads_AreRejected()
    {
        var chain = Chain("t1", null, 2);
        chain[1] = chain[1] with { Config = At("t2", chain[0].Checkpoint.Id) };

        var act = () => Saver.PutManyAsync(chain);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("one thread and namespace");
    }

    [Fact]
    public async Task PutMany_IdNotAfterItsParent_IsRejected()
    {
        var chain = Chain("t1", null, 2);
        chain[1] = chain[1] with { Checkpoint = chain[1].Checkpoint with { Id = "ck-000000" }, ExpectedHead = ExpectedHead.Any };

        var act = () => Saver.PutManyAsync(chain);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("sort after");
    }

    [Fact]
    public async Task PutMany_NullList_IsRejected()
    {
        var act = () => Saver.PutManyAsync(null!);

        await act.Should().ThrowAsync<ArgumentNullException>();
    }

    [Fact]
    public async Task PutMany_InASubgraphNamespace_StaysInIt()
    {
        var chain = Chain("t1", null, 2, ns: "child:ck-1");

        await Saver.PutManyAsync(chain);

        (await GetAsync("t1")).Should().BeNull();
        (await GetAsync("t1", ns: "child:ck-1"))!.Checkpoint.Id.Should().Be(chain[1].Checkpoint.Id);
    }

    [Fact]
    public async Task PutMany_SameValueNamedByEveryPut_IsStoredOnce()
    {
        var chain = Chain("t1", null, 3);

        await Saver.PutManyAsync(chain);

        var latest = await GetAsync("t1");
        latest!.Checkpoint.ChannelValues["shared"].Should().Be("\"s\"");
        if (await CountStoredValuesAsync("t1") is { } count)
        {
            count.Should().Be(4, "shared@1 once plus c0, c1 and c2");
        }
    }
}
