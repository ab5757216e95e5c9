using Mirt.Graph.Checkpoints;

namespace Mirt.Graph.Tests.Checkpoints;

public sealed class InMemoryCheckpointSaverTests : CheckpointSaverContractTests
{
    protected override Task<ICheckpointSaver> CreateSaverAsync() => Task.FromResult<ICheckpointSaver>(new InMemoryCheckpointSaver());
}
