using Mirt.Graph.Checkpoints;
using Mirt.Testing.Checkpoints;

namespace Mirt.Graph.Tests.Checkpoints;

/// <summary>Runs the checkpoint conformance suite against <see cref="InMemoryCheckpointSaver"/>. "Reopening" returns the
/// same instance, since its storage is the object itself, and it cannot count stored values, so the storage-growth
/// cases assert through loads only.</summary>
public sealed class InMemoryConformanceTests : CheckpointConformance
{
    protected override Task<ICheckpointSaver> CreateSaverAsync() => Task.FromResult<ICheckpointSaver>(new InMemoryCheckpointSaver());
}
