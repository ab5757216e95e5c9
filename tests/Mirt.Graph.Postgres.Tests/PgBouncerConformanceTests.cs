using Mirt.Graph.Checkpoints;
using Mirt.Testing.Checkpoints;

namespace Mirt.Graph.Postgres.Tests;

/// <summary>Runs the checkpoint conformance suite through PgBouncer in transaction mode, with the saver's
/// <see cref="PostgresPoolerMode.TransactionPooling"/> switch on: no server-side prepared statements, no session state,
/// timeouts set per transaction.</summary>
public sealed class PgBouncerConformanceTests(PgBouncerFixture fixture) : CheckpointConformance, IClassFixture<PgBouncerFixture>
{
    protected override async Task<ICheckpointSaver> CreateSaverAsync()
    {
        var saver = await PostgresCheckpointSaver.OpenAsync(fixture.PooledOptions());
        await PostgresTables.EmptyAsync(fixture.Database.ConnectionString);
        return saver;
    }

    protected override async Task<ICheckpointSaver> ReopenAsync() => await PostgresCheckpointSaver.OpenAsync(fixture.PooledOptions());

    protected override async Task<long?> CountStoredValuesAsync(string threadId) =>
        await PostgresTables.CountBlobsAsync(fixture.Database.ConnectionString, threadId);
}
