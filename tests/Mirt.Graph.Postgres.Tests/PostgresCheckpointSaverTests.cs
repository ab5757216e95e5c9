using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Mirt.Graph.Checkpoints;
using Mirt.Testing.Diagnostics;
using Mirt.Testing.Postgres;
using Npgsql;
using Xunit.Abstractions;

namespace Mirt.Graph.Postgres.Tests;

/// <summary>What the conformance suite cannot see: start-up, options, logging, timeouts and the cost of a put.</summary>
public sealed class PostgresCheckpointSaverTests(PostgresDatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task OpenAsync_FiveReplicasStartingTogetherOnAnEmptyDatabase_MigrateOnce()
    {
        var cluster = await PostgresCluster.GetSharedAsync();
        await using var database = await cluster.CreateDatabaseAsync("migrate");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var opening = Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await PostgresCheckpointSaver.OpenAsync(new PostgresCheckpointOptions { ConnectionString = database.ConnectionString });
        })).ToArray();
        start.SetResult();
        var savers = await Task.WhenAll(opening);

        (await PostgresTables.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM mirt.schema_version")).Should().Be(PostgresMigrations.Latest);
        await savers[0].PutAsync(new CheckpointConfig("t"), Checkpoint("c1"), Meta());
        (await savers[4].GetTupleAsync(new CheckpointConfig("t")))!.Checkpoint.Id.Should().Be("c1");
        foreach (var saver in savers)
        {
            await saver.DisposeAsync();
        }
    }

    [Fact]
    public async Task OpenAsync_AgainOnAMigratedSchema_ChangesNothing()
    {
        await using var first = await OpenAsync("again");
        await first.PutAsync(new CheckpointConfig("t"), Checkpoint("c1"), Meta());
        await using var second = await OpenAsync("again");

        (await second.GetTupleAsync(new CheckpointConfig("t")))!.Checkpoint.Id.Should().Be("c1");
        (await PostgresTables.ScalarAsync<long>(fixture.ConnectionString, "SELECT count(*) FROM again.schema_version")).Should().Be(PostgresMigrations.Latest);
    }

    [Fact]
    public async Task OpenAsync_SchemaNewerThanThisBuild_ThrowsInvalidOperation()
    {
        await using (await OpenAsync("future"))
        {
        }

        await PostgresTables.ExecuteAsync(fixture.ConnectionString, "INSERT INTO future.schema_version (version) VALUES (99)");
        var open = () => OpenAsync("future");

        await open.Should().ThrowAsync<InvalidOperationException>().WithMessage("*version 99*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad-name")]
    [InlineData("1starts_with_digit")]
    [InlineData("quote\"d")]
    public async Task OpenAsync_SchemaThatIsNotAPlainIdentifier_ThrowsArgumentException(string schema)
    {
        var open = () => PostgresCheckpointSaver.OpenAsync(new PostgresCheckpointOptions { ConnectionString = fixture.ConnectionString, Schema = schema });

        await open.Should().ThrowAsync<ArgumentException>().WithMessage("*Schema*");
    }

    [Fact]
    public async Task OpenAsync_EmptyConnectionString_ThrowsArgumentException()
    {
        var open = () => PostgresCheckpointSaver.OpenAsync(new PostgresCheckpointOptions());

        await open.Should().ThrowAsync<ArgumentException>().WithMessage("*ConnectionString*");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(8, 9)]
    [InlineData(1001, 0)]
    public async Task OpenAsync_PoolSizesOutOfRange_ThrowArgumentOutOfRange(int max, int min)
    {
        var open = () => PostgresCheckpointSaver.OpenAsync(new PostgresCheckpointOptions { ConnectionString = fixture.ConnectionString, MaxPoolSize = max, MinPoolSize = min });

        await open.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task OpenAsync_NegativeTimeout_ThrowsArgumentOutOfRange()
    {
        var open = () => PostgresCheckpointSaver.OpenAsync(new PostgresCheckpointOptions { ConnectionString = fixture.ConnectionString, LockTimeout = TimeSpan.FromSeconds(-1) });

        await open.Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("*LockTimeout*");
    }

    [Fact]
    public async Task OpenAsync_UnreachableServer_ThrowsNpgsqlException()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        var open = () => PostgresCheckpointSaver.OpenAsync(new PostgresCheckpointOptions { ConnectionString = unreachable });

        await open.Should().ThrowAsync<NpgsqlException>();
    }

    [Fact]
    public async Task Schema_Option_KeepsStoresInDifferentSchemasApart()
    {
        await using var left = await OpenAsync("left_store");
        await using var right = await OpenAsync("right_store");
        await left.PutAsync(new CheckpointConfig("t"), Checkpoint("c1"), Meta());

        (await right.GetTupleAsync(new CheckpointConfig("t"))).Should().BeNull();
        right.Schema.Should().Be("right_store");
    }

    [Fact]
    public async Task SlowOperations_AtThresholdZero_AreLoggedWithOperationThreadBytesAndDuration()
    {
        var logger = new CapturingLogger();
        await using var saver = await PostgresCheckpointSaver.OpenAsync(
            new PostgresCheckpointOptions { ConnectionString = fixture.ConnectionString, Schema = "slow_log", SlowOperationThreshold = TimeSpan.Zero },
            logger);

        await saver.PutAsync(new CheckpointConfig("slow-thread"), Checkpoint("c1", ("messages", 1, "\"hello\"")), Meta());
        await saver.GetTupleAsync(new CheckpointConfig("slow-thread"));

        var slow = logger.Named("checkpoint_slow_operation");
        slow.Select(e => e.Values["Operation"]).Should().Equal("put", "get");
        slow.Should().AllSatisfy(e =>
        {
            e.Level.Should().Be(LogLevel.Warning);
            e.Values["ThreadId"].Should().Be("slow-thread");
            e.Values["Bytes"].Should().Be(7L, "the value \"hello\" is 7 UTF-8 bytes");
            ((double)e.Values["DurationMs"]!).Should().BeGreaterThan(0);
        });
    }

    [Fact]
    public async Task SlowOperations_ManyInOneSecond_AreCappedAndTheRestCountedInOneLine()
    {
        var logger = new CapturingLogger();
        var time = new SteppedClock();
        await using var saver = await PostgresCheckpointSaver.OpenAsync(
            new PostgresCheckpointOptions { ConnectionString = fixture.ConnectionString, Schema = "slow_cap", SlowOperationThreshold = TimeSpan.Zero, TimeProvider = time },
            logger);

        for (var i = 0; i < 25; i++)
        {
            await saver.GetTupleAsync(new CheckpointConfig($"t{i}"));
        }

        time.Ticks += time.TimestampFrequency;
        await saver.GetTupleAsync(new CheckpointConfig("next-second"));

        logger.Named("checkpoint_slow_operation").Count.Should().Be(11, "10 in the first second, then the next second's first");
        logger.Named("checkpoint_slow_operations_suppressed")
            .Should().ContainSingle().Which.Values["Count"].Should().Be(15);
    }

    [Fact]
    public async Task SlowOperations_UnderTheThreshold_AreNotLogged()
    {
        var logger = new CapturingLogger();
        await using var saver = await PostgresCheckpointSaver.OpenAsync(
            new PostgresCheckpointOptions { ConnectionString = fixture.ConnectionString, Schema = "quiet_log", SlowOperationThreshold = TimeSpan.FromMinutes(1) },
            logger);

        await saver.PutAsync(new CheckpointConfig("t"), Checkpoint("c1"), Meta());

        logger.Named("checkpoint_slow_operation").Should().BeEmpty();
    }

    [Fact]
    public async Task Put_WhileAnotherTransactionHoldsTheThread_FailsAfterTheLockTimeout()
    {
        await using var saver = await PostgresCheckpointSaver.OpenAsync(
            new PostgresCheckpointOptions { ConnectionString = fixture.ConnectionString, Schema = "lock_wait", LockTimeout = TimeSpan.FromMilliseconds(300) });
        await saver.PutAsync(new CheckpointConfig("held"), Checkpoint("c1"), Meta());
        await using var holder = new NpgsqlConnection(fixture.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT 1 FROM lock_wait.checkpoint_heads WHERE thread_id = 'held' FOR UPDATE", holder, transaction))
        {
            await hold.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        var put = () => saver.PutAsync(new CheckpointConfig("held", CheckpointId: "c1"), Checkpoint("c2"), Meta());

        (await put.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.LockNotAvailable);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        await transaction.RollbackAsync();
        (await saver.GetTupleAsync(new CheckpointConfig("held")))!.Checkpoint.Id.Should().Be("c1", "the timed-out put stored nothing");
    }

    [Fact]
    public async Task Put_OneRoundTrip_LatencyIsReported()
    {
        await using var saver = await OpenAsync("latency");
        const int Puts = 300;
        var samples = await Task.Run(async () =>
        {
            var times = new List<double>();
            string? parent = null;
            for (var i = 0; i < Puts; i++)
            {
                var id = $"c{i:D5}";
                var checkpoint = Checkpoint(id, ("messages", i + 1, $"[\"message {i}\"]"), ("state", 1, "\"browsing\""));
                var versions = new Dictionary<string, long> { ["messages"] = i + 1 };
                var clock = Stopwatch.StartNew();
                await saver.PutAsync(new CheckpointConfig("latency", CheckpointId: parent), checkpoint, Meta(), versions, ExpectedHead.Is(parent));
                times.Add(clock.Elapsed.TotalMilliseconds);
                parent = id;
            }

            return times.Skip(20).Order().ToList();
        });

        var p50 = samples[samples.Count / 2];
        var p95 = samples[(int)(samples.Count * 0.95)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fenced put latency over {samples.Count} puts: p50 {p50:F2} ms, p95 {p95:F2} ms, max {samples[^1]:F2} ms"));
        p50.Should().BeLessThan(50, "a put is one round trip on a local server");
    }

    [Fact]
    public async Task Put_TenMegabyteValue_RoundTripsExactly()
    {
        await using var saver = await OpenAsync("large");
        var value = "\"" + string.Concat(Enumerable.Range(0, 10 * 1024 * 1024 / 16).Select(i => i.ToString("x15", CultureInfo.InvariantCulture) + " ")) + "\"";

        var clock = Stopwatch.StartNew();
        await saver.PutAsync(new CheckpointConfig("large"), Checkpoint("c1", ("document", 1, value)), Meta());
        var put = clock.Elapsed;
        clock.Restart();
        var loaded = await saver.GetTupleAsync(new CheckpointConfig("large"));
        var get = clock.Elapsed;

        loaded!.Checkpoint.ChannelValues["document"].Should().Be(value);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{value.Length / 1048576.0:F1} MB value: put {put.TotalMilliseconds:F0} ms, get {get.TotalMilliseconds:F0} ms"));
    }

    private Task<PostgresCheckpointSaver> OpenAsync(string schema) =>
        PostgresCheckpointSaver.OpenAsync(new PostgresCheckpointOptions { ConnectionString = fixture.ConnectionString, Schema = schema });

    internal static Checkpoint Checkpoint(string id, params (string Channel, long Version, string Value)[] channels) => new(
        id,
        0,
        Start,
        channels.ToDictionary(c => c.Channel, c => c.Value, StringComparer.Ordinal),
        channels.ToDictionary(c => c.Channel, c => c.Version, StringComparer.Ordinal),
        [],
        1);

    internal static CheckpointMetadata Meta() => new(CheckpointMetadata.LoopSource, 0, "node", new Dictionary<string, string>());

    /// <summary>A clock whose timestamp moves only when the test moves it.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        public long Ticks { get; set; } = 1;

        public override long GetTimestamp() => Ticks;
    }
}
