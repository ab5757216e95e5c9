using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>Retention: <see cref="ICheckpointSaver.PruneOlderThanAsync"/> deletes old checkpoints but never a head.</summary>
public abstract partial class CheckpointConformance
{
    [Fact]
    public async Task PruneOlderThan_DeletesOlderCheckpointsExceptEachHead()
    {
        var stored = await PutChainAsync("t1", 4);

        var deleted = await Saver.PruneOlderThanAsync(Start.AddSeconds(2));

        deleted.Should().Be(2, "steps 0 and 1 were created before the cutoff; step 2 was created exactly at it");
        (await ThreadIdsAsync("t1")).Should().Equal(stored[3].CheckpointId, stored[2].CheckpointId);
    }

    [Fact]
    public async Task PruneOlderThan_KeepsTheHeadOfEveryThreadAndNamespaceEvenWhenOld()
    {
        var root = await PutChainAsync("t1", 3);
        var child = await PutChainAsync("t1", 2, ns: "child");
        var other = await PutChainAsync("t2", 1);

        var deleted = await Saver.PruneOlderThanAsync(Start.AddDays(1));

        deleted.Should().Be(3);
        (await ListAsync(new CheckpointQuery())).Select(t => t.Config).Should().BeEquivalentTo(new[] { root[^1], child[^1], other[^1] });
    }

    [Fact]
    public async Task PruneOlderThan_NothingOlder_ReturnsZero()
    {
        await PutChainAsync("t1", 3);

        (await Saver.PruneOlderThanAsync(Start.AddSeconds(-1))).Should().Be(0);
        (await ThreadIdsAsync("t1")).Should().HaveCount(3);
    }

    [Fact]
    public async Task PruneOlderThan_SurvivorsStillLoadTheirValuesAndWrites()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("kept", 1, "\"from step 0\""), ("moving", 1, "0")));
        var head = await PutAsync(first, NewCheckpoint(NextId(), 5, ("kept", 1, "\"from step 0\""), ("moving", 2, "1")), newVersions: Versions(("moving", 2)));
        await Saver.PutWritesAsync(first, [Write("ch", "0")], "task-0");
        await Saver.PutWritesAsync(head, [Write("ch", "1")], "task-1");

        (await Saver.PruneOlderThanAsync(Start.AddSeconds(1))).Should().Be(1);

        var survivor = await GetAsync("t1");
        survivor!.Checkpoint.ChannelValues.Should().Equal(Values(("kept", "\"from step 0\""), ("moving", "1")));
        survivor.PendingWrites.Should().Equal(new PendingWrite("task-1", "ch", "1"));
        (await Saver.GetTupleAsync(first)).Should().BeNull();
    }

    [Fact]
    public async Task PruneOlderThan_ForgetsValuesAndWritesNoCheckpointReferences()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("a", 1, "\"old\"")));
        await Saver.PutWritesAsync(first, [Write("ch", "\"old write\"")], "task-0");
        var second = await PutAsync(first, NewCheckpoint(NextId(), 1, ("a", 2, "\"x\"")));

        await Saver.PruneOlderThanAsync(Start.AddSeconds(1));

        if (await CountStoredValuesAsync("t1") is { } stored)
        {
            stored.Should().Be(1, "only 'a' version 2 is still referenced");
        }

        await PutAsync(second, NewCheckpoint(first.CheckpointId!, 0, ("a", 1, "\"new\"")));
        var reused = await Saver.GetTupleAsync(first);
        reused!.Checkpoint.ChannelValues["a"].Should().Be("\"new\"", "'a' version 1 was collected, so writing it again stores the new value");
        reused.PendingWrites.Should().BeEmpty("the deleted checkpoint's writes went with it");
    }
}
