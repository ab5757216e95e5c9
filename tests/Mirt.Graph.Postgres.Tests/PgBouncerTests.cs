using System.Diagnostics;
using Mirt.Graph.Checkpoints;
using Npgsql;

namespace Mirt.Graph.Postgres.Tests;

/// <summary>Behind PgBouncer in transaction mode, the limits the saver would set per session are set per transaction.</summary>
public sealed class PgBouncerTests(PgBouncerFixture fixture) : IClassFixture<PgBouncerFixture>
{
    [Fact]
    public async Task LockTimeout_ThroughATransactionPooler_AppliesToEveryPut()
    {
        var options = fixture.PooledOptions();
        options.Schema = "pooled_lock";
        options.LockTimeout = TimeSpan.FromMilliseconds(300);
        await using var saver = await PostgresCheckpointSaver.OpenAsync(options);
        await saver.PutAsync(new CheckpointConfig("held"), PostgresCheckpointSaverTests.Checkpoint("c1"), PostgresCheckpointSaverTests.Meta());
        await using var holder = new NpgsqlConnection(fixture.Database.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT 1 FROM pooled_lock.checkpoint_heads WHERE thread_id = 'held' FOR UPDATE", holder, transaction))
        {
            await hold.ExecuteNonQueryAsync();
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            // Each put may run on another server session; each must carry its own limit.
            var clock = Stopwatch.StartNew();
            var put = () => saver.PutAsync(new CheckpointConfig("held", CheckpointId: "c1"), PostgresCheckpointSaverTests.Checkpoint("c2"), PostgresCheckpointSaverTests.Meta());

            (await put.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.LockNotAvailable);
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        }

        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task Limits_ThroughATransactionPooler_DoNotLeakIntoTheServerSessions()
    {
        var options = fixture.PooledOptions();
        options.Schema = "pooled_leak";
        options.StatementTimeout = TimeSpan.FromMilliseconds(4321);
        await using var saver = await PostgresCheckpointSaver.OpenAsync(options);
        await saver.PutAsync(new CheckpointConfig("t"), PostgresCheckpointSaverTests.Checkpoint("c1"), PostgresCheckpointSaverTests.Meta());
        await saver.GetTupleAsync(new CheckpointConfig("t"));

        // A plain client of the same pooler lands on the server sessions the saver used: they carry no saver setting.
        await using var other = new NpgsqlConnection(fixture.Bouncer.ConnectionString + ";Max Auto Prepare=0");
        await other.OpenAsync();
        for (var i = 0; i < 8; i++)
        {
            await using var show = new NpgsqlCommand("SHOW statement_timeout", other);
            ((string)(await show.ExecuteScalarAsync())!).Should().Be("0");
        }
    }
}
