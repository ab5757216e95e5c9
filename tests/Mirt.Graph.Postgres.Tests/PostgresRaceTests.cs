using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mirt.Graph.Checkpoints;
using Mirt.Testing.Postgres;
using Xunit.Abstractions;

namespace Mirt.Graph.Postgres.Tests;

/// <summary>Two savers over two separate connection pools, as two replicas would be, append to one conversation
/// concurrently with fenced puts and retry on conflict: the lineage must stay linear and no message may be lost.</summary>
public sealed class PostgresRaceTests(PostgresDatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Rounds = 1000;
    private const string Thread = "race";
    private long _lastId;

    [Fact]
    public async Task TwoReplicas_AppendingConcurrentlyWithFencedPuts_NoForkAndNoLostMessage()
    {
        // Generous lock and statement timeouts: this test is about forks and lost messages, and on a machine loaded by
        // other suites a put can wait on the thread's head row longer than the production default of 2 s.
        var options = new PostgresCheckpointOptions
        {
            ConnectionString = fixture.ConnectionString,
            Schema = "race",
            LockTimeout = TimeSpan.FromSeconds(30),
            StatementTimeout = TimeSpan.FromSeconds(30),
        };
        await using var replicaA = await PostgresCheckpointSaver.OpenAsync(options);
        await using var replicaB = await PostgresCheckpointSaver.OpenAsync(options);
        var conflicts = 0;
        var clock = Stopwatch.StartNew();

        await Task.Run(async () =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                var appends = new[] { (Saver: replicaA, Message: $"{round}-A"), (Saver: replicaB, Message: $"{round}-B") }
                    .Select(w => Task.Run(async () => Interlocked.Add(ref conflicts, await AppendAsync(w.Saver, w.Message))));
                await Task.WhenAll(appends).WaitAsync(TimeSpan.FromSeconds(30));
            }
        });

        clock.Stop();
        var lineage = new List<CheckpointTuple>();
        await foreach (var tuple in replicaA.ListAsync(CheckpointQuery.ForThread(Thread)))
        {
            lineage.Add(tuple);
        }

        lineage.Reverse();
        lineage.Should().HaveCount(2 * Rounds, "every append committed exactly once");
        lineage[0].ParentConfig.Should().BeNull();
        for (var i = 1; i < lineage.Count; i++)
        {
            lineage[i].ParentConfig!.Value.CheckpointId.Should().Be(lineage[i - 1].Checkpoint.Id, $"checkpoint {i} is the child of its predecessor (no fork)");
        }

        lineage.Where(t => t.ParentConfig is not null).GroupBy(t => t.ParentConfig!.Value.CheckpointId).Should().OnlyContain(g => g.Count() == 1, "no checkpoint has two children");
        var messages = Messages(lineage[^1]);
        var expected = Enumerable.Range(0, Rounds).SelectMany(r => new[] { $"{r}-A", $"{r}-B" });
        messages.Should().BeEquivalentTo(expected, "no message is lost");
        messages.Should().OnlyHaveUniqueItems();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Rounds} rounds of two racing replicas: {clock.Elapsed.TotalSeconds:F1} s, {conflicts} conflicts retried, {clock.Elapsed.TotalMilliseconds / Rounds:F2} ms per round"));
    }

    /// <summary>Loads the head, appends one message and puts the child fenced on that head; reloads and retries on a
    /// conflict. Returns how many conflicts it retried.</summary>
    private async Task<int> AppendAsync(PostgresCheckpointSaver saver, string message)
    {
        for (var conflicts = 0; ; conflicts++)
        {
            var head = await saver.GetTupleAsync(new CheckpointConfig(Thread));
            var messages = head is null ? [] : Messages(head);
            messages.Add(message);
            var version = (head?.Checkpoint.ChannelVersions.GetValueOrDefault("messages") ?? 0) + 1;
            var checkpoint = new Checkpoint(
                $"ck-{Interlocked.Increment(ref _lastId):D8}",
                (head?.Checkpoint.Step ?? -1) + 1,
                DateTimeOffset.UnixEpoch,
                new Dictionary<string, string> { ["messages"] = JsonSerializer.Serialize(messages) },
                new Dictionary<string, long> { ["messages"] = version },
                [],
                1);
            try
            {
                await saver.PutAsync(
                    new CheckpointConfig(Thread, CheckpointId: head?.Checkpoint.Id),
                    checkpoint,
                    new CheckpointMetadata(CheckpointMetadata.LoopSource, checkpoint.Step, "append", new Dictionary<string, string>()),
                    expectedHead: ExpectedHead.Is(head?.Checkpoint.Id));
                return conflicts;
            }
            catch (CheckpointConflictException conflict)
            {
                conflict.ExpectedHead.Should().Be(head?.Checkpoint.Id);
                conflict.ActualHead.Should().NotBe(head?.Checkpoint.Id);
            }
        }
    }

    private static List<string> Messages(CheckpointTuple tuple) =>
        JsonSerializer.Deserialize<List<string>>(tuple.Checkpoint.ChannelValues["messages"])!;
}
