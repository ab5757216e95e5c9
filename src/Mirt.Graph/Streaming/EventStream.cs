using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Mirt.Graph.Execution;

namespace Mirt.Graph.Streaming;

/// <summary>
/// Turns a run that reports to a <see cref="GraphEventSink"/> into an <see cref="IAsyncEnumerable{T}"/>, so streaming
/// and plain runs share one engine.
/// </summary>
internal static class EventStream
{
    /// <summary>Starts <paramref name="run"/> when enumeration starts and yields its events as they happen.</summary>
    /// <param name="run">The run; it reports to the sink it is given and returns the turn's result.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The events. A failed run throws its exception after the events it produced. Leaving the enumeration
    /// early cancels the run and waits for it to stop (finished steps stay checkpointed).</returns>
    public static async IAsyncEnumerable<GraphEvent> RunAsync(
        Func<GraphEventSink, CancellationToken, Task<TurnResult>> run,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<GraphEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = ProduceAsync(channel.Writer, run, stop.Token);
        var drained = false;
        try
        {
            while (await channel.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var @event))
                {
                    yield return @event;
                }
            }

            drained = true;
        }
        finally
        {
            if (!drained)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await producer.ConfigureAwait(false);
    }

    private static async Task ProduceAsync(ChannelWriter<GraphEvent> writer, Func<GraphEventSink, CancellationToken, Task<TurnResult>> run, CancellationToken cancellationToken)
    {
        // Yield first so the engine runs off the consumer's call and events flow while it works.
        await Task.Yield();
        try
        {
            await run(new GraphEventSink(e => writer.TryWrite(e)), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writer.Complete();
        }
    }
}
