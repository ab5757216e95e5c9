using System.Collections.Concurrent;
using System.Text.Json;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Postgres;
using Mirt.Nodes.Abstractions.State;
using Mirt.Sales.Graph;
using Mirt.Testing.Postgres;

namespace Mirt.Host.Tests;

/// <summary>Runs the real host process on a real PostgreSQL server (<c>MIRT_POSTGRES</c>).</summary>
public sealed class PostgresHostTests : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private static readonly string[] Cycle = ["Є сукні?", "А яка ціна?", "Дякую, подумаю"];
    private readonly PostgresDatabaseFixture _database;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"mirt-pg-host-{System.Environment.ProcessId}-{Guid.NewGuid():N}");
    private HostProcess? _host;

    public PostgresHostTests(PostgresDatabaseFixture database) => _database = database;

    // The test compares each webhook answer bubble by bubble with the stored transcript, so answers are not folded.
    private Dictionary<string, string> HostEnvironment => new() { ["MIRT_POSTGRES"] = _database.ConnectionString, ["MIRT_INLINE_BUBBLES"] = "separate" };

    public async Task InitializeAsync() => _host = await HostProcess.StartAsync(_dataDir, environment: HostEnvironment);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Ready_ReportsThePostgresStore_AndTheLogHidesTheConnectionString()
    {
        using var http = new HttpClient { BaseAddress = _host!.Address };

        var body = JsonDocument.Parse(await http.GetStringAsync("/health/ready"));

        body.RootElement.GetProperty("store").GetProperty("kind").GetString().Should().Be("postgres");
        body.RootElement.GetProperty("store").GetProperty("ok").GetBoolean().Should().BeTrue();
        _host.Log.Should().Contain("postgres 127.0.0.1").And.NotContain("Password");
    }

    [Fact]
    public async Task Host_KilledMidTraffic_LosesNoAcknowledgedMessage_RepeatsNoReply_ForksNoThread()
    {
        var threads = Enumerable.Range(0, 6).Select(i => $"pg-kill-{i}").ToArray();
        var acknowledged = new ConcurrentDictionary<string, ConcurrentQueue<(string Text, IReadOnlyList<string> Replies)>>();
        using var stop = new CancellationTokenSource();

        // Six customers talk at once; the host is killed with SIGKILL while their turns are in flight.
        var traffic = threads.Select(thread => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var text = $"{Cycle[n % Cycle.Length]} (n{n})";
                try
                {
                    var (status, body) = await WebhookClient.PostAsync(_host!.Address, WebhookClient.Message(thread, text));
                    if (status == 200)
                    {
                        acknowledged.GetOrAdd(thread, _ => new()).Enqueue((text, WebhookClient.Texts(body)));
                    }
                }
                catch (HttpRequestException)
                {
                    return; // The host died under this request: ManyChat got no answer, so nothing was acknowledged.
                }
            }
        })).ToArray();
        // Kill once every customer has had at least two answers (however loaded the machine is), while turns are in flight.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (threads.Any(t => !acknowledged.TryGetValue(t, out var q) || q.Count < 2) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await _host!.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(traffic);

        _host = await HostProcess.StartAsync(_dataDir, environment: HostEnvironment);
        foreach (var thread in threads)
        {
            var (status, body) = await WebhookClient.PostAsync(_host.Address, WebhookClient.Message(thread, "Дякую (after restart)"));
            status.Should().Be(200);
            acknowledged.GetOrAdd(thread, _ => new()).Enqueue(("Дякую (after restart)", WebhookClient.Texts(body)));
        }

        await using var saver = await PostgresCheckpointSaver.OpenAsync(new PostgresCheckpointOptions { ConnectionString = _database.ConnectionString });
        var schema = SalesGraph.Build().Schema;
        foreach (var thread in threads)
        {
            var latest = await saver.GetTupleAsync(new CheckpointConfig(thread));
            var transcript = schema.Decode(latest!.Checkpoint).State.Get(SalesKeys.Transcript);
            var acked = acknowledged[thread].ToList();
            acked.Count.Should().BeGreaterThan(1, "the customer got answers before the kill and after the restart");
            foreach (var (text, replies) in acked)
            {
                var at = transcript.Select((e, i) => (e, i)).Where(x => x.e.Role == TranscriptEntry.CustomerRole && x.e.Text == text).Select(x => x.i).ToList();
                at.Should().ContainSingle($"the acknowledged message '{text}' of {thread} is stored exactly once");
                var answered = transcript.Skip(at[0] + 1).TakeWhile(e => e.Role == TranscriptEntry.BotRole).Select(e => e.Text);
                answered.Should().Equal(replies, $"the stored answer to '{text}' is the one the customer got, once");
            }

            await AssertLinearAsync(saver, thread);
        }
    }

    private static async Task AssertLinearAsync(PostgresCheckpointSaver saver, string thread)
    {
        var lineage = new List<CheckpointTuple>();
        await foreach (var tuple in saver.ListAsync(CheckpointQuery.ForThread(thread)))
        {
            lineage.Add(tuple);
        }

        lineage.Should().NotBeEmpty();
        for (var i = 0; i < lineage.Count - 1; i++)
        {
            lineage[i].ParentConfig!.Value.CheckpointId.Should().Be(lineage[i + 1].Checkpoint.Id, $"checkpoint {i} of {thread} follows the next older one (no fork)");
        }

        lineage[^1].ParentConfig.Should().BeNull();
    }
}
