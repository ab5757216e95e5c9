using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>Put, channel storage: which channel values a put writes (its new versions) and which value a version keeps.</summary>
public abstract partial class CheckpointConformance
{
    [Fact]
    public async Task Put_ChannelLeftOutOfNewVersions_IsNotWritten()
    {
        var checkpoint = NewCheckpoint(NextId(), 0, ("written", 1, "\"yes\""), ("skipped", 1, "\"no\""));

        var stored = await PutAsync(At("t1"), checkpoint, newVersions: Versions(("written", 1)));

        var loaded = (await Saver.GetTupleAsync(stored))!.Checkpoint;
        loaded.ChannelValues.Should().Equal(Values(("written", "\"yes\"")), "only the channels named in newVersions are written");
        loaded.ChannelVersions.Should().Equal(Versions(("written", 1), ("skipped", 1)));
    }

    [Fact]
    public async Task Put_NullNewVersions_WritesEveryChannel()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("a", 1, "1"), ("b", 7, "2")), newVersions: null);

        (await Saver.GetTupleAsync(stored))!.Checkpoint.ChannelValues.Should().Equal(Values(("a", "1"), ("b", "2")));
    }

    [Fact]
    public async Task Put_EmptyNewVersions_WritesNoChannel()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("a", 1, "1")), newVersions: Versions());

        var loaded = (await Saver.GetTupleAsync(stored))!.Checkpoint;
        loaded.ChannelValues.Should().BeEmpty();
        loaded.ChannelVersions.Should().Equal(Versions(("a", 1)));
    }

    [Fact]
    public async Task Put_ChannelVersionStoredAlready_KeepsTheFirstValue()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("draft", 1, "\"old\"")));

        var second = await PutAsync(first, NewCheckpoint(NextId(), 1, ("draft", 1, "\"new\"")), newVersions: Versions(("draft", 1)));

        (await Saver.GetTupleAsync(second))!.Checkpoint.ChannelValues["draft"].Should().Be("\"old\"", "a (channel, version) is stored once; the first value wins");
    }

    [Fact]
    public async Task Put_ChannelVersionedWithoutValue_LoadsWithVersionOnly()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("draft", 3, null), ("phase", 1, "\"offer\"")));

        var loaded = (await Saver.GetTupleAsync(stored))!.Checkpoint;
        loaded.ChannelVersions.Should().Equal(Versions(("draft", 3), ("phase", 1)));
        loaded.ChannelValues.Keys.Should().Equal("phase");
    }
}
