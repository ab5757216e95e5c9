using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mirt.Testing.Diagnostics;

/// <summary>Keeps every log entry with its event name and structured values, so tests can assert on log markers;
/// also a factory handing itself out for every category.</summary>
public sealed class CapturingLogger : ILogger, ILoggerFactory, ILoggerProvider
{
    /// <summary>Gets the entries in logging order.</summary>
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IReadOnlyList<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : [];
        Entries.Enqueue(new CapturedLog(logLevel, eventId.Name, formatter(state, exception), values));
    }

    /// <summary>Gets the entries with one event name.</summary>
    public IReadOnlyList<CapturedLog> Named(string eventName) => [.. Entries.Where(e => e.EventName == eventName)];

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}

/// <summary>One captured log entry.</summary>
/// <param name="Level">The level.</param>
/// <param name="EventName">The stable event name, for example <c>agent_step</c>.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Values">The structured values by template name.</param>
public sealed record CapturedLog(LogLevel Level, string? EventName, string Message, IReadOnlyDictionary<string, object?> Values);
