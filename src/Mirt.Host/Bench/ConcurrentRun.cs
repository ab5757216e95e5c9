namespace Mirt.Host.Bench;

/// <summary>
/// Runs conversations at once, each a sequence of turns (a turn starts when the previous reply arrived), and collects
/// every turn's sample with the store time the timing saver summed for it.
/// </summary>
internal static class ConcurrentRun
{
    /// <summary>Runs the conversations.</summary>
    /// <param name="driver">Sends the webhook requests.</param>
    /// <param name="timing">The store wrapper whose per-thread sums are taken after each turn.</param>
    /// <param name="threadIds">One subscriber id per conversation.</param>
    /// <param name="turns">Turns per conversation.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>Every turn's sample, conversation by conversation.</returns>
    public static async Task<TurnSample[]> RunAsync(WebhookDriver driver, TimingCheckpointSaver timing, IReadOnlyList<string> threadIds, int turns, CancellationToken cancellationToken)
    {
        var samples = new TurnSample[threadIds.Count * turns];
        var conversations = new Task[threadIds.Count];
        for (var c = 0; c < threadIds.Count; c++)
        {
            var conversation = c;
            conversations[c] = Task.Run(
                async () =>
                {
                    var thread = threadIds[conversation];
                    for (var turn = 0; turn < turns; turn++)
                    {
                        var sample = await driver.SendAsync(thread, turn, cancellationToken).ConfigureAwait(false);
                        // The reply is sent after the turn's last store call, so the thread's sums are complete here.
                        samples[(conversation * turns) + turn] = sample with { Store = timing.TakeTurn(thread) };
                    }
                },
                cancellationToken);
        }

        await Task.WhenAll(conversations).ConfigureAwait(false);
        return samples;
    }
}
