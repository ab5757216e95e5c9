using Mirt.Graph.Checkpoints;
using Mirt.Testing.Checkpoints;
using Mirt.Testing.Postgres;

namespace Mirt.Graph.Postgres.Tests;

/// <summary>Runs the checkpoint conformance suite against PostgreSQL directly (prepared statements on, session-level timeouts).</summary>
public sealed class PostgresConformanceTests(PostgresDatabaseFixture fixture) : CheckpointConformance, IClassFixture<PostgresDatabaseFixture>
{
    protected override async Task<ICheckpointSaver> CreateSaverAsync()
    {
        var saver = await PostgresCheckpointSaver.OpenAsync(new PostgresCheckpointOptions { ConnectionString = fixture.ConnectionString });
        await PostgresTables.EmptyAsync(fixture.ConnectionString);
        return saver;
    }

    protected override async Task<ICheckpointSaver> ReopenAsync() =>
        await PostgresCheckpointSaver.OpenAsync(new PostgresCheckpointOptions { ConnectionString = fixture.ConnectionString });

    protected override async Task<long?> CountStoredValuesAsync(string threadId) =>
        await PostgresTables.CountBlobsAsync(fixture.ConnectionString, threadId);
}
