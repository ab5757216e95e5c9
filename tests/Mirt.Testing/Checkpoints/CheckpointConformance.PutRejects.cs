using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>Put, rejected puts: each throws the documented exception and stores nothing.</summary>
public abstract partial class CheckpointConformance
{
    [Fact]
    public async Task Put_ExistingId_ThrowsInvalidOperationAndKeepsTheOriginal()
    {
        var id = NextId();
        await PutAsync(At("t1"), NewCheckpoint(id, 0, ("a", 1, "1")));

        var act = () => PutAsync(At("t1"), NewCheckpoint(id, 5, ("a", 2, "2")));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage($"Checkpoint '{id}' already exists in thread 't1'*");
        var kept = (await GetAsync("t1"))!.Checkpoint;
        kept.Step.Should().Be(0);
        kept.ChannelValues.Should().Equal(Values(("a", "1")));
    }

    [Fact]
    public async Task Put_ValueWithoutVersion_ThrowsArgumentException()
    {
        var checkpoint = NewCheckpoint("ck-1") with { ChannelValues = Values(("orphan", "1")) };

        var act = () => PutAsync(At("t1"), checkpoint);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("Checkpoint 'ck-1' has a value for channel 'orphan' but no version*");
        (await GetAsync("t1")).Should().BeNull();
    }

    [Fact]
    public async Task Put_NewVersionDisagreeingWithTheCheckpoint_ThrowsArgumentException()
    {
        var act = () => PutAsync(At("t1"), NewCheckpoint("ck-1", 0, ("a", 2, "1")), newVersions: Versions(("a", 3)));

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("New version 3 of channel 'a' does not match*");
        (await GetAsync("t1")).Should().BeNull();
    }

    [Fact]
    public async Task Put_ReservedExtraMetadataKey_ThrowsArgumentException()
    {
        var act = () => PutAsync(At("t1"), NewCheckpoint("ck-1"), Meta(0, extra: (CheckpointMetadata.StepKey, "9")));

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("The metadata extra key 'step' is reserved*");
    }

    [Fact]
    public async Task Put_EmptyThreadId_ThrowsArgumentException()
    {
        var act = () => PutAsync(At(" "), NewCheckpoint("ck-1"));

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("The checkpoint config has no thread id*");
    }

    [Fact]
    public async Task Put_Cancelled_ThrowsAndStoresNothing()
    {
        var act = () => Saver.PutAsync(At("t1"), NewCheckpoint("ck-1", 0, ("a", 1, "1")), Meta(), cancellationToken: CancelledToken());

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await GetAsync("t1")).Should().BeNull();
        if (await CountStoredValuesAsync("t1") is { } stored)
        {
            stored.Should().Be(0);
        }
    }
}
