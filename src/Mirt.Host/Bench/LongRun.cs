using System.Diagnostics;
using Mirt.Sales.Assistant;

namespace Mirt.Host.Bench;

/// <summary>
/// Runs the long-conversation mode: one conversation, turn after turn, reading the bytes written around every turn and
/// timing latest-state reads at the milestones, to show whether cost grows with the conversation.
/// </summary>
internal static class LongRun
{
    /// <summary>Gets the turns the figures are reported at (those not beyond the run, and always the last turn).</summary>
    public static readonly IReadOnlyList<int> Milestones = [10, 50, 100, 200, 300];

    /// <summary>Gets how many turns, ending at a milestone, its figures summarise.</summary>
    public const int Window = 10;

    /// <summary>Gets how many latest-state reads are timed at each milestone.</summary>
    public const int Reads = 5;

    /// <summary>Runs the conversation.</summary>
    /// <param name="driver">Sends the webhook requests.</param>
    /// <param name="timing">The store wrapper.</param>
    /// <param name="store">Reads the bytes written before and after each turn (outside the turn's timing).</param>
    /// <param name="assistant">Serves the latest-state reads.</param>
    /// <param name="threadId">The conversation.</param>
    /// <param name="turns">How many turns.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>Every turn's sample and the milestones.</returns>
    public static async Task<(TurnSample[] Samples, IReadOnlyList<LongMilestone> Milestones)> RunAsync(
        WebhookDriver driver, TimingCheckpointSaver timing, IBenchStore store, SalesAssistant assistant, string threadId, int turns, CancellationToken cancellationToken)
    {
        var samples = new TurnSample[turns];
        var written = new long?[turns];
        var allocated = new long[turns];
        var milestones = new List<LongMilestone>();
        for (var turn = 0; turn < turns; turn++)
        {
            var before = (await store.SnapshotAsync(cancellationToken).ConfigureAwait(false)).WrittenBytes;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
            var sample = await driver.SendAsync(threadId, turn, cancellationToken).ConfigureAwait(false);
            allocated[turn] = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
            samples[turn] = sample with { Store = timing.TakeTurn(threadId) };
            var after = (await store.SnapshotAsync(cancellationToken).ConfigureAwait(false)).WrittenBytes;
            written[turn] = after - before;
            var number = turn + 1;
            if (Milestones.Contains(number) || number == turns)
            {
                var readMs = await TimeReadsAsync(assistant, threadId, cancellationToken).ConfigureAwait(false);
                timing.TakeTurn(threadId); // the reads are not the next turn's
                milestones.Add(Summarise(samples, written, allocated, number, readMs));
            }
        }

        return (samples, milestones);
    }

    private static async Task<double?> TimeReadsAsync(SalesAssistant assistant, string threadId, CancellationToken cancellationToken)
    {
        var reads = new double[Reads];
        for (var i = 0; i < Reads; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await assistant.GetTranscriptAsync(threadId, cancellationToken).ConfigureAwait(false);
            reads[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return Percentiles.Of(Percentiles.Sorted(reads), 50);
    }

    private static LongMilestone Summarise(TurnSample[] samples, long?[] written, long[] allocated, int turn, double? readMs)
    {
        var from = Math.Max(0, turn - Window);
        var window = samples[from..turn];
        var bytes = written[from..turn];
        return new LongMilestone(
            turn,
            bytes.Any(b => b is null) ? null : Math.Round(bytes.Average(b => (double)b!.Value), 0),
            Math.Round(window.Average(s => (double)s.Store.ValueBytes), 0),
            Round(Percentiles.Of(Percentiles.Sorted(window.Where(s => s.Ok).Select(s => s.LatencyMs)), 50)),
            Round(Percentiles.Of(Percentiles.Sorted(window.Where(s => s.Ok).Select(s => s.Store.WriteMs)), 50)),
            Round(readMs),
            Math.Round(allocated[from..turn].Average(a => (double)a), 0));
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
