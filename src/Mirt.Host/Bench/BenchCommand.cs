using System.Diagnostics;
using System.Globalization;
using Mirt.Host.Observability;
using Mirt.Sales.Assistant;

namespace Mirt.Host.Bench;

/// <summary>
/// Runs <c>mirt bench</c>: starts the real webhook host in this process on a loopback port with the PostgreSQL (or
/// SQLite) store, plays ManyChat for many concurrent conversations (or one long one), measures the store's raw
/// insert-and-commit floor in the same run, and prints one JSON line (<see cref="BenchReport"/>).
/// </summary>
/// <remarks>Order: open the store, start the host, seed the stored conversations (<c>--stored</c>), warm up, measure the floor, wait for the server's statistics to
/// settle, snapshot, run the measured turns, snapshot, stop the host, read the settled statistics. Progress goes to
/// standard error; standard output carries only the JSON line.</remarks>
internal static class BenchCommand
{
    private const int FloorIterations = 300;

    /// <summary>Gets how long PostgreSQL may keep an idle session's statistics before reporting them (10 s), plus a margin.</summary>
    private static readonly TimeSpan StatisticsDelay = TimeSpan.FromSeconds(10.5);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!BenchOptions.TryParse(args, out var options, out var problem))
        {
            await error.WriteLineAsync($"mirt bench: {problem}\n{BenchOptions.Usage}").ConfigureAwait(false);
            return 2;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        using var logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddMirtConsole(configuration));
        using var npgsql = new NpgsqlCounters();
        await using var sampler = new RuntimeSampler(npgsql.Observe);
        var runId = string.Create(CultureInfo.InvariantCulture, $"{TimeProvider.System.GetUtcNow():yyyyMMddHHmmss}{Random.Shared.Next(0x10000):x4}");
        IBenchStore store;
        try
        {
            store = options.Postgres is null
                ? await SqliteBenchStore.OpenAsync(cancellationToken).ConfigureAwait(false)
                : await PostgresBenchStore.OpenAsync(options.Postgres, options.MaxPool, runId, logging, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException ex)
        {
            await error.WriteLineAsync($"mirt bench: could not open the store: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        await using (store.ConfigureAwait(false))
        {
            var timing = new TimingCheckpointSaver(store.Saver);
            using var model = options.ModelLatency is { } latency ? new LatencyChatClient(latency) : null;
            var delivery = await store.OpenDeliveryAsync(logging).ConfigureAwait(false);
            await using var deliveryScope = delivery.ConfigureAwait(false);
            var host = await BenchHost.StartAsync(timing, delivery, model, logging, cancellationToken).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                using var driver = new WebhookDriver(host.Address, BenchHost.Token);
                var report = await MeasureAsync(options, runId, store, timing, model, host, driver, npgsql, sampler, error, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(report.ToJson()).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                return report.Errors == 0 ? 0 : 1;
            }
        }
    }

    private static async Task<BenchReport> MeasureAsync(
        BenchOptions options, string runId, IBenchStore store, TimingCheckpointSaver timing, LatencyChatClient? model, BenchHost host, WebhookDriver driver, NpgsqlCounters npgsql, RuntimeSampler sampler, TextWriter error, CancellationToken cancellationToken)
    {
        var isLong = options.LongTurns is not null;
        var warmupTurnsEach = isLong ? LongRun.Window : options.Turns;
        var seedStarted = Stopwatch.GetTimestamp();
        TurnSample[] seedFailed = [];
        if (options.Stored > 0)
        {
            await error.WriteLineAsync($"mirt bench: seeding {options.Stored} stored conversations of {StoredSeed.TurnsEach} turns, {StoredSeed.Concurrency} at once").ConfigureAwait(false);
            var storedThreads = Enumerable.Range(0, options.Stored).Select(i => $"bench-{runId}-s{i}").ToArray();
            seedFailed = await StoredSeed.RunAsync(driver, timing, storedThreads, cancellationToken).ConfigureAwait(false);
        }

        var seed = Stopwatch.GetElapsedTime(seedStarted);
        if (options.Stored > 0)
        {
            await error.WriteLineAsync($"mirt bench: seeded in {seed.TotalSeconds:0.0} s, {seedFailed.Length} turns failed").ConfigureAwait(false);
        }

        var warmupThreads = Enumerable.Range(0, (options.Warmup + warmupTurnsEach - 1) / warmupTurnsEach).Select(i => $"bench-{runId}-w{i}").ToArray();
        await error.WriteLineAsync($"mirt bench: {store.Kind} store (pool {store.PoolSize}), host at {host.Address}; warming up with {warmupThreads.Length * warmupTurnsEach} turns").ConfigureAwait(false);
        var warmup = await ConcurrentRun.RunAsync(driver, timing, warmupThreads, warmupTurnsEach, cancellationToken).ConfigureAwait(false);
        var warmedUp = Stopwatch.GetTimestamp();
        await error.WriteLineAsync($"mirt bench: measuring the floor ({FloorIterations} INSERT + COMMIT round trips), then letting the server's statistics settle").ConfigureAwait(false);
        var floor = Percentiles.Sorted(await store.MeasureFloorAsync(FloorIterations, cancellationToken).ConfigureAwait(false));

        // PostgreSQL sessions report their transaction counts up to 10 s after going idle; the warm-up's must be in.
        var quiet = StatisticsDelay - Stopwatch.GetElapsedTime(warmedUp);
        var xactsBefore = await store.SettledTransactionsAsync(quiet > TimeSpan.Zero ? quiet : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        var storeBefore = await store.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        var (commandsBefore, payloadBefore) = (npgsql.Commands, npgsql.BytesWritten);
        timing.TakeWriteCalls();
        sampler.Reset();
        npgsql.Reset();
        var runtimeBefore = RuntimeSnapshot.Take();
        var modelCallsBefore = model?.Calls ?? 0;
        await error.WriteLineAsync(isLong
            ? $"mirt bench: measuring one conversation of {options.LongTurns} turns"
            : $"mirt bench: measuring {options.Conversations} conversations x {options.Turns} turns").ConfigureAwait(false);

        var started = Stopwatch.GetTimestamp();
        TurnSample[] samples;
        IReadOnlyList<LongMilestone>? milestones = null;
        var extraReads = 0;
        if (isLong)
        {
            (samples, milestones) = await LongRun.RunAsync(driver, timing, store, host.Assistant, $"bench-{runId}-long", options.LongTurns!.Value, cancellationToken).ConfigureAwait(false);
            extraReads = milestones.Count * LongRun.Reads;
        }
        else
        {
            var threads = Enumerable.Range(0, options.Conversations).Select(i => $"bench-{runId}-{i}").ToArray();
            samples = await ConcurrentRun.RunAsync(driver, timing, threads, options.Turns, cancellationToken).ConfigureAwait(false);
        }

        var duration = Stopwatch.GetElapsedTime(started);
        var storeAfter = await store.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        var runtimeAfter = RuntimeSnapshot.Take();
        var modelCalls = model is null ? (long?)null : model.Calls - modelCallsBefore;
        var (commands, payload) = (npgsql.Commands - commandsBefore, npgsql.BytesWritten - payloadBefore);
        var writeCalls = Percentiles.Sorted(timing.TakeWriteCalls());
        var rss = Environment.WorkingSet;
        await host.StopAsync().ConfigureAwait(false);
        await store.CloseSaverAsync().ConfigureAwait(false);
        var xactsAfter = await store.SettledTransactionsAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);

        var failed = samples.Where(s => !s.Ok).Concat(warmup.Where(s => !s.Ok)).Concat(seedFailed).ToArray();
        if (failed.Length > 0)
        {
            await error.WriteLineAsync($"mirt bench: {failed.Length} turns failed; the first: {failed[0].Error}").ConfigureAwait(false);
        }

        var postgres = store.Kind == "postgres";
        return new BenchMeasurements(options, store, samples, warmup.Length, failed.Length, duration, floor, writeCalls, storeBefore, storeAfter, runtimeBefore, runtimeAfter)
        {
            Milestones = milestones,
            Seed = seed,
            Degraded = host.Assistant.Degraded,
            ModelCalls = modelCalls,
            RoundTrips = postgres ? commands - extraReads : null,
            PayloadBytes = postgres ? payload : null,
            Transactions = xactsBefore is { } xb && xactsAfter is { } xa ? xa - xb - extraReads : null,
            ConnectionsBusyMax = postgres ? npgsql.BusyMax : null,
            ConnectionsOpenMax = postgres ? npgsql.OpenMax : null,
            WorkingSet = rss,
            WorkingSetPeak = Math.Max(rss, sampler.WorkingSetMax),
            ThreadPoolQueueMax = sampler.QueueMax,
            ThreadPoolThreadsMax = sampler.ThreadsMax,
        }.ToReport();
    }
}
