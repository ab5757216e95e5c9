namespace Mirt.Host.Bench;

/// <summary>Holds the raw measurements of a bench run and turns them into the report's figures.</summary>
/// <param name="Options">The command line.</param>
/// <param name="Store">The store that was measured.</param>
/// <param name="Samples">The measured turns.</param>
/// <param name="WarmupTurns">How many warm-up turns ran.</param>
/// <param name="Errors">How many turns failed, warm-up and seeding included.</param>
/// <param name="Duration">From the first measured request to the last reply.</param>
/// <param name="Floor">The floor's round trips, sorted, in ms.</param>
/// <param name="WriteCalls">Every measured checkpoint write call, sorted, in ms.</param>
/// <param name="StoreBefore">The store before the measured turns.</param>
/// <param name="StoreAfter">The store after them.</param>
/// <param name="RuntimeBefore">The runtime's counters before.</param>
/// <param name="RuntimeAfter">The runtime's counters after.</param>
internal sealed record BenchMeasurements(
    BenchOptions Options,
    IBenchStore Store,
    TurnSample[] Samples,
    int WarmupTurns,
    int Errors,
    TimeSpan Duration,
    double[] Floor,
    double[] WriteCalls,
    StoreSnapshot StoreBefore,
    StoreSnapshot StoreAfter,
    RuntimeSnapshot RuntimeBefore,
    RuntimeSnapshot RuntimeAfter)
{
    private const double Mib = 1024.0 * 1024.0;

    /// <summary>Gets the long-conversation milestones, or <see langword="null"/>.</summary>
    public IReadOnlyList<LongMilestone>? Milestones { get; init; }

    /// <summary>Gets how long seeding the stored conversations took (zero without <c>--stored</c>).</summary>
    public TimeSpan Seed { get; init; }

    /// <summary>Gets a value indicating whether the assistant ran without a model (degraded, rule-only mode).</summary>
    public bool Degraded { get; init; }

    /// <summary>Gets the calls the scripted model received, or <see langword="null"/> without one.</summary>
    public long? ModelCalls { get; init; }

    /// <summary>Gets the commands and batches the store's pool sent (PostgreSQL), or <see langword="null"/>.</summary>
    public long? RoundTrips { get; init; }

    /// <summary>Gets the bytes the store's pool sent to the server (PostgreSQL), or <see langword="null"/>.</summary>
    public long? PayloadBytes { get; init; }

    /// <summary>Gets the database's transactions (PostgreSQL), or <see langword="null"/>.</summary>
    public long? Transactions { get; init; }

    /// <summary>Gets the most connections in use at once (PostgreSQL), or <see langword="null"/>.</summary>
    public long? ConnectionsBusyMax { get; init; }

    /// <summary>Gets the most connections open at once (PostgreSQL), or <see langword="null"/>.</summary>
    public long? ConnectionsOpenMax { get; init; }

    /// <summary>Gets the working set at the end of the measured turns, in bytes.</summary>
    public long WorkingSet { get; init; }

    /// <summary>Gets the largest working set sampled during them, in bytes.</summary>
    public long WorkingSetPeak { get; init; }

    /// <summary>Gets the longest thread-pool queue sampled during them.</summary>
    public long ThreadPoolQueueMax { get; init; }

    /// <summary>Gets the most thread-pool threads sampled during them.</summary>
    public long ThreadPoolThreadsMax { get; init; }

    /// <summary>Computes the figures.</summary>
    /// <returns>The report.</returns>
    public BenchReport ToReport()
    {
        var turns = Math.Max(1, Samples.Length);
        var ok = Samples.Where(s => s.Ok).ToArray();
        var latency = Percentiles.Sorted(ok.Select(s => s.LatencyMs));
        var checkpoint = Percentiles.Sorted(ok.Select(s => s.Store.WriteMs));
        var floor = Percentiles.Of(Floor, 50);
        var checkpointP50 = Percentiles.Of(checkpoint, 50);
        return new BenchReport
        {
            Mode = Options.LongTurns is null ? "concurrent" : "long",
            Store = Store.Kind,
            Conversations = Options.LongTurns is null ? Options.Conversations : 1,
            Turns = Options.LongTurns ?? Options.Turns,
            MeasuredTurns = Samples.Length,
            WarmupTurns = WarmupTurns,
            PoolSize = Store.PoolSize,
            StoredConversations = Options.Stored,
            SeedTurns = Options.Stored * StoredSeed.TurnsEach,
            SeedS = Math.Round(Seed.TotalSeconds, 3),
            Model = Options.ModelLatency?.ToString() ?? "none",
            ModelP95Ms = Round(Options.ModelLatency?.P95Ms, 1),
            Degraded = Degraded,
            ModelCallsPerTurn = ModelCalls is { } calls ? Math.Round((double)calls / turns, 2) : null,
            DurationS = Math.Round(Duration.TotalSeconds, 3),
            TurnsPerS = Math.Round(ok.Length / Math.Max(Duration.TotalSeconds, 1e-9), 1),
            P50Ms = Round(Percentiles.Of(latency, 50)),
            P95Ms = Round(Percentiles.Of(latency, 95)),
            P99Ms = Round(Percentiles.Of(latency, 99)),
            MaxMs = Round(Percentiles.Of(latency, 100)),
            Errors = Errors,
            CheckpointP50Ms = Round(checkpointP50),
            CheckpointP99Ms = Round(Percentiles.Of(checkpoint, 99)),
            CheckpointWritesPerTurn = Math.Round(Samples.Average(s => (double)s.Store.Writes), 2),
            CheckpointCallP50Ms = Round(Percentiles.Of(WriteCalls, 50)),
            CheckpointCallP99Ms = Round(Percentiles.Of(WriteCalls, 99)),
            CheckpointReadP50Ms = Round(Percentiles.Of(Percentiles.Sorted(ok.Select(s => s.Store.ReadMs)), 50)),
            FloorInsertMs = Round(floor),
            FloorInsertP99Ms = Round(Percentiles.Of(Floor, 99)),
            CheckpointFloorRatio = checkpointP50 is { } c && floor is > 0 ? Math.Round(c / floor.Value, 2) : null,
            BytesPerTurn = StoreAfter.WrittenBytes - StoreBefore.WrittenBytes is { } written ? Math.Round((double)written / turns, 0) : null,
            StoreBytesPerTurn = Math.Round((double)(StoreAfter.StoreBytes - StoreBefore.StoreBytes) / turns, 0),
            ValueBytesPerTurn = Math.Round(Samples.Average(s => (double)s.Store.ValueBytes), 0),
            PayloadBytesPerTurn = PayloadBytes is { } payload ? Math.Round((double)payload / turns, 0) : null,
            StoreCallsPerTurn = Math.Round(Samples.Average(s => (double)(s.Store.Writes + s.Store.Reads)), 2),
            RoundTripsPerTurn = Math.Round(RoundTrips is { } trips ? (double)trips / turns : Samples.Average(s => (double)(s.Store.Writes + s.Store.Reads)), 2),
            DbXactsPerTurn = Transactions is { } xacts ? Math.Round((double)xacts / turns, 2) : null,
            DbConnectionsMax = ConnectionsBusyMax,
            DbConnectionsOpenMax = ConnectionsOpenMax,
            RssMb = Math.Round(WorkingSet / Mib, 1),
            RssPeakMb = Math.Round(WorkingSetPeak / Mib, 1),
            ThreadpoolQueueMax = ThreadPoolQueueMax,
            ThreadpoolThreadsMax = ThreadPoolThreadsMax,
            GcGen0 = RuntimeAfter.Gen0 - RuntimeBefore.Gen0,
            GcGen1 = RuntimeAfter.Gen1 - RuntimeBefore.Gen1,
            GcGen2 = RuntimeAfter.Gen2 - RuntimeBefore.Gen2,
            GcPauseMs = Math.Round(RuntimeAfter.PauseMs - RuntimeBefore.PauseMs, 1),
            AllocatedBytesPerTurn = Math.Round((double)(RuntimeAfter.AllocatedBytes - RuntimeBefore.AllocatedBytes) / turns, 0),
            Long = Milestones,
        };
    }

    private static double? Round(double? value, int digits = 3) => value is { } v ? Math.Round(v, digits) : null;
}
