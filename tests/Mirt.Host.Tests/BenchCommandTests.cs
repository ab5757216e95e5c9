using System.Diagnostics;
using System.Text.Json;
using Mirt.Testing.Postgres;

namespace Mirt.Host.Tests;

/// <summary>
/// The smoke version of <c>mirt bench</c>: the built host runs a tiny bench as a real process, so the command cannot
/// rot. Only that it completes and reports every figure is asserted, never how fast anything is.
/// </summary>
public sealed class BenchCommandTests : IClassFixture<PostgresDatabaseFixture>, IDisposable
{
    private static readonly string[] RequiredFields =
    [
        "mode", "store", "conversations", "turns", "measured_turns", "pool_size", "turns_per_s", "p50_ms", "p95_ms",
        "p99_ms", "max_ms", "errors", "checkpoint_p50_ms", "checkpoint_p99_ms", "floor_insert_ms",
        "checkpoint_floor_ratio", "bytes_per_turn", "store_bytes_per_turn", "value_bytes_per_turn", "round_trips_per_turn",
        "db_xacts_per_turn", "db_connections_max", "rss_mb", "threadpool_queue_max", "model_calls_per_turn", "long",
        "stored_conversations", "seed_turns", "seed_s",
    ];

    private readonly PostgresDatabaseFixture _database;
    private readonly string _dataDir = Directory.CreateTempSubdirectory("mirt-bench-test-").FullName;

    public BenchCommandTests(PostgresDatabaseFixture database) => _database = database;

    [Fact]
    public async Task Bench_OnPostgres_PrintsOneLineWithEveryFigure_AndStaysWithinThePool()
    {
        var (exit, stdout, stderr) = await RunAsync("--conversations", "4", "--turns", "3", "--warmup", "3", "--max-pool", "2", "--stored", "2", "--postgres", _database.ConnectionString);

        exit.Should().Be(0, stderr);
        var report = SingleJsonLine(stdout);
        foreach (var field in RequiredFields)
        {
            report.TryGetProperty(field, out _).Should().BeTrue($"the report must carry {field}");
        }

        report.GetProperty("store").GetString().Should().Be("postgres");
        report.GetProperty("errors").GetInt32().Should().Be(0);
        report.GetProperty("measured_turns").GetInt32().Should().Be(12, "seeded turns are not measured");
        report.GetProperty("stored_conversations").GetInt32().Should().Be(2);
        report.GetProperty("seed_turns").GetInt32().Should().Be(6);
        report.GetProperty("floor_insert_ms").GetDouble().Should().BePositive();
        report.GetProperty("bytes_per_turn").GetDouble().Should().BePositive("every turn writes checkpoints to the write-ahead log");
        report.GetProperty("round_trips_per_turn").GetDouble().Should().BeGreaterThanOrEqualTo(1);
        report.GetProperty("db_xacts_per_turn").GetDouble().Should().BeGreaterThanOrEqualTo(1);
        report.GetProperty("db_connections_open_max").GetInt64().Should().BeInRange(1, 4, "each of the two pools (checkpoints, delivery) stays within --max-pool");
    }

    [Fact]
    public async Task Bench_LongModeOnSqlite_ReportsTheMilestonesUpToTheLastTurn()
    {
        var (exit, stdout, stderr) = await RunAsync("--long", "12", "--warmup", "0");

        exit.Should().Be(0, stderr);
        var report = SingleJsonLine(stdout);
        report.GetProperty("store").GetString().Should().Be("sqlite");
        report.GetProperty("mode").GetString().Should().Be("long");
        report.GetProperty("errors").GetInt32().Should().Be(0);
        report.GetProperty("long").EnumerateArray().Select(m => m.GetProperty("turn").GetInt32()).Should().Equal(10, 12);
        report.GetProperty("long")[0].GetProperty("read_ms").GetDouble().Should().BePositive();
    }

    [Fact]
    public async Task Bench_WithScriptedModel_MakesOneModelCallPerTurn()
    {
        var (exit, stdout, stderr) = await RunAsync("--conversations", "2", "--turns", "11", "--warmup", "0", "--model-latency", "lognormal:5:20");

        exit.Should().Be(0, stderr);
        var report = SingleJsonLine(stdout);
        report.GetProperty("degraded").GetBoolean().Should().BeFalse();
        report.GetProperty("model").GetString().Should().Be("lognormal:5:20");
        report.GetProperty("model_calls_per_turn").GetDouble().Should().Be(1, "the scripted model keeps the draft, so no answer needs a repair");
        stderr.Should().NotContain("llm_reply_degraded");
    }

    [Theory]
    [InlineData("--turns", "0")]
    [InlineData("--conversations", "many")]
    [InlineData("--model-latency", "normal:1:2")]
    [InlineData("--frobnicate", "1")]
    public async Task Bench_BadOption_Exits2WithUsage(string option, string value)
    {
        var (exit, stdout, stderr) = await RunAsync(option, value);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain(option).And.Contain("usage: mirt bench");
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    private static JsonElement SingleJsonLine(string stdout)
    {
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle("bench prints exactly one line on standard output");
        return JsonDocument.Parse(lines[0]).RootElement.Clone();
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var process = Process.Start(HostProcess.StartInfo(_dataDir, ["bench", .. args]))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bench did not finish within 4 minutes:\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
