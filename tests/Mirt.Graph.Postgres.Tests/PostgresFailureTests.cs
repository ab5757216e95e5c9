using System.Diagnostics;
using System.Globalization;
using Mirt.Graph.Checkpoints;
using Mirt.Testing.Postgres;
using Npgsql;
using Xunit.Abstractions;

namespace Mirt.Graph.Postgres.Tests;

/// <summary>Connections killed under the saver, and a PostgreSQL restart and crash: failed puts store nothing, the pool
/// recovers, and nothing acknowledged is lost.</summary>
public sealed class PostgresFailureTests(PostgresDatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Put_BackendTerminatedMidBatch_FailsStoresNothingAndTheNextPutWorks()
    {
        await using var saver = await PostgresCheckpointSaver.OpenAsync(
            new PostgresCheckpointOptions { ConnectionString = fixture.ConnectionString, Schema = "killed", LockTimeout = TimeSpan.FromSeconds(30) });
        await saver.PutAsync(new CheckpointConfig("t"), Checkpoint("c1", ("messages", 1, "\"first\"")), Meta());

        // Another transaction inserts the same checkpoint row and keeps it uncommitted, so the put's batch stops at its
        // last statement, waiting, after it has locked the head and inserted the channel value.
        await using var blocker = new NpgsqlConnection(fixture.ConnectionString);
        await blocker.OpenAsync();
        await using var blocking = await blocker.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO killed.checkpoints VALUES ('t', '', 'c2', 'c1', 0, now(), 0, '{}', 1, '{}', '{}')", blocker, blocking))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var put = saver.PutAsync(new CheckpointConfig("t", CheckpointId: "c1"), Checkpoint("c2", ("messages", 2, "\"second\"")), Meta(), expectedHead: ExpectedHead.Is("c1"));
        var victim = await WaitForBlockedBackendAsync();
        await PostgresTables.ExecuteAsync(fixture.ConnectionString, "SELECT pg_terminate_backend(@pid)", ("pid", victim));

        var failure = await ((Func<Task>)(() => put)).Should().ThrowAsync<NpgsqlException>();
        output.WriteLine($"in-flight put failed with {failure.Which.GetType().Name}: {failure.Which.Message}");
        await blocking.RollbackAsync();
        (await PostgresTables.ScalarAsync<long>(fixture.ConnectionString, "SELECT count(*) FROM killed.checkpoint_blobs WHERE version = 2"))
            .Should().Be(0, "the value written before the kill was rolled back with the batch");
        (await saver.GetTupleAsync(new CheckpointConfig("t")))!.Checkpoint.Id.Should().Be("c1");

        await saver.PutAsync(new CheckpointConfig("t", CheckpointId: "c1"), Checkpoint("c2", ("messages", 2, "\"second\"")), Meta(), expectedHead: ExpectedHead.Is("c1"));
        (await saver.GetTupleAsync(new CheckpointConfig("t")))!.Checkpoint.ChannelValues["messages"].Should().Be("\"second\"");
    }

    [Fact]
    public async Task Puts_WhileEveryBackendIsTerminatedRepeatedly_EachStoredCheckpointIsWholeAndThePoolRecovers()
    {
        await using var saver = await PostgresCheckpointSaver.OpenAsync(new PostgresCheckpointOptions { ConnectionString = fixture.ConnectionString, Schema = "chaos" });
        var payload = new string('x', 64 * 1024);
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<(string Thread, string Id)>();
        var failures = 0;
        using var stop = new CancellationTokenSource();

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            string? parent = null;
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var id = $"c{i:D6}";
                try
                {
                    await saver.PutAsync(new CheckpointConfig($"w{w}", CheckpointId: parent), Checkpoint(id, ("payload", i + 1, $"\"{id}{payload}\"")), Meta());
                    acknowledged.Add(($"w{w}", id));
                    parent = id;
                }
                catch (NpgsqlException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();

        var clock = Stopwatch.StartNew();
        var terminated = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(1) || (Volatile.Read(ref failures) == 0 && clock.Elapsed < TimeSpan.FromSeconds(10)))
        {
            terminated += await PostgresTables.ScalarAsync<int>(fixture.ConnectionString, """
                SELECT (count(*) FILTER (WHERE pg_terminate_backend(pid)))::int FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'Mirt.Graph.Postgres'
                """);
            await Task.Delay(15);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        output.WriteLine($"terminated {terminated} backends; {failures} puts failed, {acknowledged.Count} acknowledged");
        failures.Should().BeGreaterThan(0, "some puts were in flight or on a killed pooled connection");

        foreach (var (thread, id) in acknowledged)
        {
            (await saver.GetTupleAsync(new CheckpointConfig(thread, CheckpointId: id))).Should().NotBeNull($"acknowledged put {thread}/{id} is stored");
        }

        await foreach (var tuple in saver.ListAsync(new CheckpointQuery()))
        {
            tuple.Checkpoint.ChannelValues["payload"].Should().StartWith($"\"{tuple.Checkpoint.Id}x", "a stored checkpoint always has its value: no put is half-stored");
        }

        await saver.PutAsync(new CheckpointConfig("after"), Checkpoint("c1"), Meta());
    }

    [Fact]
    public async Task Restart_PutsFailDuringTheOutageAndWorkAfter_NothingAcknowledgedIsLost()
    {
        await using var cluster = await PostgresCluster.StartDedicatedAsync();
        await using var database = await cluster.CreateDatabaseAsync("restart");
        await using var saver = await PostgresCheckpointSaver.OpenAsync(new PostgresCheckpointOptions { ConnectionString = database.ConnectionString });
        var chain = new Chain(saver, "conversation");
        await chain.AppendAsync(20);

        await cluster.StopAsync();
        var clock = Stopwatch.StartNew();
        var duringOutage = () => saver.PutAsync(new CheckpointConfig("conversation", CheckpointId: "c0019"), Checkpoint("c0020"), Meta(), expectedHead: ExpectedHead.Is("c0019"));
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            // The first may meet a pooled connection the shutdown closed (57P01); the pool is emptied, and the second
            // finds the server refusing connections.
            var failure = await duringOutage.Should().ThrowAsync<NpgsqlException>();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"put {attempt} during the outage failed after {clock.ElapsedMilliseconds} ms with {failure.Which.GetType().Name}: {failure.Which.Message}"));
            failure.Which.IsTransient.Should().BeTrue("callers may retry it later");
        }

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
        await ((Func<Task>)(() => saver.GetTupleAsync(new CheckpointConfig("conversation")))).Should().ThrowAsync<NpgsqlException>();

        await cluster.StartAsync();
        await chain.AppendAsync(5);
        await chain.VerifyAsync();

        // A crash (no clean shutdown) with no call during the outage: every pooled connection is dead when the next
        // turn starts; its read is retried on a fresh connection and empties the pool, so the put that follows works.
        // Acknowledged commits were flushed to the write-ahead log and are replayed.
        await cluster.StopAsync(immediate: true);
        await cluster.StartAsync();
        await chain.AppendAsync(5);
        await chain.VerifyAsync();
        chain.Acknowledged.Should().HaveCount(30);
    }

    [Fact]
    public async Task Put_FirstCallAfterACrashRestart_IsRetriedOnAFreshConnectionAndStoredOnce()
    {
        await using var cluster = await PostgresCluster.StartDedicatedAsync();
        await using var database = await cluster.CreateDatabaseAsync("first-put");
        await using var saver = await PostgresCheckpointSaver.OpenAsync(new PostgresCheckpointOptions { ConnectionString = database.ConnectionString });
        var chain = new Chain(saver, "conversation");
        await chain.AppendAsync(3);
        var head = chain.Acknowledged[^1];

        // Every pooled connection dies with the server; the put meets one, and is retried once on a new connection.
        await cluster.StopAsync(immediate: true);
        await cluster.StartAsync();
        await saver.PutAsync(new CheckpointConfig("conversation", CheckpointId: head), Checkpoint("c9999"), Meta(), expectedHead: ExpectedHead.Is(head));

        var stored = await saver.ListAsync(CheckpointQuery.ForThread("conversation")).ToListAsync();
        stored.Select(t => t.Checkpoint.Id).Should().Equal(["c9999", .. chain.Acknowledged.AsEnumerable().Reverse()]);
    }

    private async Task<int> WaitForBlockedBackendAsync()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var pid = await PostgresTables.ScalarAsync<object>(fixture.ConnectionString, """
                SELECT coalesce(min(pid), 0) FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'Mirt.Graph.Postgres' AND wait_event_type = 'Lock'
                """);
            if (pid is int found && found != 0)
            {
                return found;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("The put never waited on the blocking transaction.");
    }

    private static Checkpoint Checkpoint(string id, params (string Channel, long Version, string Value)[] channels) =>
        PostgresCheckpointSaverTests.Checkpoint(id, channels);

    private static CheckpointMetadata Meta() => PostgresCheckpointSaverTests.Meta();

    /// <summary>Appends fenced checkpoints to one thread as the graph runner does (load the head, put its child) and
    /// remembers the acknowledged ones.</summary>
    private sealed class Chain(ICheckpointSaver saver, string thread)
    {
        public List<string> Acknowledged { get; } = [];

        public async Task AppendAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var head = await saver.GetTupleAsync(new CheckpointConfig(thread));
                head?.Checkpoint.Id.Should().Be(Acknowledged[^1], "the head is the last acknowledged put");
                var parent = head?.Checkpoint.Id;
                var id = $"c{Acknowledged.Count:D4}";
                var checkpoint = Checkpoint(id, ("turn", Acknowledged.Count + 1, $"{Acknowledged.Count}"));
                await saver.PutAsync(new CheckpointConfig(thread, CheckpointId: parent), checkpoint, Meta(), expectedHead: ExpectedHead.Is(parent));
                Acknowledged.Add(id);
            }
        }

        public async Task VerifyAsync()
        {
            var stored = new List<string>();
            await foreach (var tuple in saver.ListAsync(CheckpointQuery.ForThread(thread)))
            {
                stored.Add(tuple.Checkpoint.Id);
                tuple.Checkpoint.ChannelValues["turn"].Should().Be(int.Parse(tuple.Checkpoint.Id[1..], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
            }

            stored.AsEnumerable().Reverse().Should().Equal(Acknowledged, "every acknowledged put survived");
        }
    }
}
