namespace Mirt.Host.Bench;

/// <summary>
/// Seeds the store with conversations that stay idle during the measurement (<c>--stored</c>), so memory and store
/// figures are taken with that many conversations on record. Each plays the first <see cref="TurnsEach"/> lines of
/// <see cref="SalesScript"/> through the running host over HTTP, exactly as a measured turn does, so every seeded
/// conversation has real checkpoints and went through whatever the host keeps per conversation.
/// </summary>
internal static class StoredSeed
{
    /// <summary>Gets how many turns each seeded conversation has (question, child's height, colour).</summary>
    public const int TurnsEach = 3;

    /// <summary>Gets how many seeded conversations run at once; bounded so seeding does not flood the store's pool.</summary>
    public const int Concurrency = 32;

    /// <summary>Plays <see cref="TurnsEach"/> turns of every seeded conversation, <see cref="Concurrency"/> at once.</summary>
    /// <param name="driver">Sends the webhook requests.</param>
    /// <param name="timing">The store wrapper; each turn's sums are taken and dropped, so none reach the measured figures.</param>
    /// <param name="threadIds">One subscriber id per seeded conversation.</param>
    /// <param name="cancellationToken">Cancels the seeding.</param>
    /// <returns>The turns that failed (not HTTP 200 with a body).</returns>
    public static async Task<TurnSample[]> RunAsync(WebhookDriver driver, TimingCheckpointSaver timing, IReadOnlyList<string> threadIds, CancellationToken cancellationToken)
    {
        var failed = new System.Collections.Concurrent.ConcurrentBag<TurnSample>();
        await Parallel.ForEachAsync(
            threadIds,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (thread, token) =>
            {
                for (var turn = 0; turn < TurnsEach; turn++)
                {
                    var sample = await driver.SendAsync(thread, turn, token).ConfigureAwait(false);
                    timing.TakeTurn(thread);
                    if (!sample.Ok)
                    {
                        failed.Add(sample);
                    }
                }
            }).ConfigureAwait(false);
        timing.TakeWriteCalls();
        return [.. failed];
    }
}
