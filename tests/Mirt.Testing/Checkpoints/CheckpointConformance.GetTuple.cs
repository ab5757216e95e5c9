using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>GetTuple: loading the latest checkpoint or one by id.</summary>
public abstract partial class CheckpointConformance
{
    [Fact]
    public async Task GetTuple_UnknownThread_ReturnsNull()
    {
        (await GetAsync("nobody")).Should().BeNull();
    }

    [Fact]
    public async Task GetTuple_WithoutId_ReturnsTheLatest()
    {
        var stored = await PutChainAsync("t1", 3);

        var tuple = await GetAsync("t1");

        tuple!.Checkpoint.Id.Should().Be(stored[^1].CheckpointId);
        tuple.Metadata.Step.Should().Be(2);
    }

    [Fact]
    public async Task GetTuple_Latest_IsTheGreatestIdNotTheNewestCreatedAt()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint("ck-b") with { CreatedAt = Start });
        await PutAsync(first, NewCheckpoint("ck-a", 1) with { CreatedAt = Start.AddHours(1) });

        (await GetAsync("t1"))!.Checkpoint.Id.Should().Be("ck-b", "the latest checkpoint is the one whose id sorts last (ordinal)");
    }

    [Fact]
    public async Task GetTuple_Latest_ComparesIdsOrdinally()
    {
        await PutAsync(At("t1"), NewCheckpoint("ck-A"));
        await PutAsync(At("t1"), NewCheckpoint("ck-a"));
        await PutAsync(At("t1"), NewCheckpoint("ck-B"));

        (await GetAsync("t1"))!.Checkpoint.Id.Should().Be("ck-a", "'a' (0x61) sorts after 'B' (0x42) in an ordinal compare");
    }

    [Fact]
    public async Task GetTuple_WithId_ReturnsThatCheckpoint()
    {
        var stored = await PutChainAsync("t1", 2);

        var tuple = await Saver.GetTupleAsync(stored[0]);

        tuple!.Checkpoint.Id.Should().Be(stored[0].CheckpointId);
        tuple.Checkpoint.ChannelValues.Should().Equal(Values(("step", "0")));
    }

    [Fact]
    public async Task GetTuple_Config_AddressesThreadNamespaceAndId()
    {
        var id = NextId();
        await PutAsync(At("t1"), NewCheckpoint(id));

        (await GetAsync("t1"))!.Config.Should().Be(new CheckpointConfig("t1", "", id));
    }

    [Fact]
    public async Task GetTuple_Checkpoint_HasEveryField()
    {
        var id = NextId();
        var checkpoint = NewCheckpoint(id, 2, ("k", 1, "\"v\"")) with { Next = ["reply"], GraphVersion = 3 };
        await PutAsync(At("t1"), checkpoint, newVersions: Versions(("k", 1)));

        var loaded = (await GetAsync("t1"))!.Checkpoint;

        loaded.Id.Should().Be(id);
        loaded.Step.Should().Be(2);
        loaded.CreatedAt.UtcTicks.Should().Be(checkpoint.CreatedAt.UtcTicks);
        loaded.ChannelValues.Should().Equal(Values(("k", "\"v\"")));
        loaded.ChannelVersions.Should().Equal(Versions(("k", 1)));
        loaded.Next.Should().Equal("reply");
        loaded.GraphVersion.Should().Be(3);
    }

    [Fact]
    public async Task GetTuple_Metadata_IsPopulated()
    {
        await PutAsync(At("t1"), NewCheckpoint(NextId(), -1), Meta(-1, CheckpointMetadata.InputSource, null));

        var metadata = (await GetAsync("t1"))!.Metadata;

        metadata.Source.Should().Be(CheckpointMetadata.InputSource);
        metadata.Step.Should().Be(-1);
    }

    [Fact]
    public async Task GetTuple_ParentConfig_IsNullForTheFirstAndSetForAChild()
    {
        var first = await PutAsync(At("t1", ns: "sub"), NewCheckpoint(NextId(), 0));
        var second = await PutAsync(first, NewCheckpoint(NextId(), 1));

        (await Saver.GetTupleAsync(first))!.ParentConfig.Should().BeNull();
        (await Saver.GetTupleAsync(second))!.ParentConfig.Should().Be(new CheckpointConfig("t1", "sub", first.CheckpointId));
    }

    [Fact]
    public async Task GetTuple_PendingWrites_AreLoaded()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));
        await Saver.PutWritesAsync(stored, [Write("ch", "\"val\"")], "task-1");

        (await GetAsync("t1"))!.PendingWrites.Should().Equal(new PendingWrite("task-1", "ch", "\"val\""));
    }

    [Fact]
    public async Task GetTuple_NoPendingWrites_LoadsAnEmptyList()
    {
        await PutAsync(At("t1"), NewCheckpoint(NextId()));

        (await GetAsync("t1"))!.PendingWrites.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public async Task GetTuple_Namespace_SelectsItsOwnCheckpoint()
    {
        var root = await PutAsync(At("t1", ns: ""), NewCheckpoint(NextId()));
        var child = await PutAsync(At("t1", ns: "child:1"), NewCheckpoint(NextId()));

        (await GetAsync("t1"))!.Checkpoint.Id.Should().Be(root.CheckpointId, "the child's newer id does not make it the root's latest");
        (await GetAsync("t1", ns: "child:1"))!.Checkpoint.Id.Should().Be(child.CheckpointId);
        (await GetAsync("t1", child.CheckpointId)).Should().BeNull("an id is looked up in the namespace the config names");
    }

    [Fact]
    public async Task GetTuple_UnknownIdInKnownThread_ReturnsNull()
    {
        await PutAsync(At("t1"), NewCheckpoint(NextId()));

        (await GetAsync("t1", "ck-missing")).Should().BeNull();
    }

    [Fact]
    public async Task GetTuple_EmptyThreadId_ThrowsArgumentException()
    {
        var act = () => Saver.GetTupleAsync(At(""));

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("The checkpoint config has no thread id*");
    }

    [Fact]
    public async Task GetTuple_Cancelled_Throws()
    {
        var act = () => Saver.GetTupleAsync(At("t1"), CancelledToken());

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
