namespace Mirt.Graph.Streaming;

/// <summary>Receives the events of a run; the engine calls it inline, so it must not block.</summary>
internal sealed class GraphEventSink
{
    private readonly Action<GraphEvent>? _receive;

    /// <summary>Creates a sink that passes events to <paramref name="receive"/>.</summary>
    /// <param name="receive">Takes each event; <see langword="null"/> drops them.</param>
    public GraphEventSink(Action<GraphEvent>? receive) => _receive = receive;

    /// <summary>Gets a sink that drops every event (plain, non-streaming runs).</summary>
    public static GraphEventSink None { get; } = new(null);

    /// <summary>Gets a value indicating whether anyone listens, so callers can skip building events.</summary>
    public bool IsListening => _receive is not null;

    /// <summary>Passes an event on.</summary>
    /// <param name="event">The event.</param>
    public void Emit(GraphEvent @event) => _receive?.Invoke(@event);
}
