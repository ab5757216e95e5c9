using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mirt.Graph.Postgres.Tests;

/// <summary>Keeps every log entry with its structured values, so tests can assert on what the saver logged.</summary>
internal sealed class CapturingLogger : ILogger
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IReadOnlyList<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : [];
        Entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception), values, exception));
    }
}

/// <summary>One captured log entry.</summary>
internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);
