using System.Globalization;
using Npgsql;

namespace Mirt.Graph.Postgres;

/// <summary>Runs operations: takes a pooled connection, builds batches, times calls and logs slow ones and lost connections.</summary>
public sealed partial class PostgresCheckpointSaver
{
    /// <summary>Runs one operation on a pooled connection, timing it. A read (<paramref name="isRead"/>) that loses its
    /// connection is retried once on a fresh one, because after a server restart the pool's idle connections are dead
    /// and a read changes nothing; writes are not retried here (a put retries itself, checking whether its first
    /// attempt committed), so their caller learns that the outcome needs checking.</summary>
    private async Task<T> RunAsync<T>(
        string operation,
        string threadId,
        long bytes,
        Func<NpgsqlConnection, OperationTally, Task<T>> work,
        CancellationToken cancellationToken,
        bool isRead = false)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        var tally = StartTally(operation, threadId, bytes);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    return await work(connection, tally).ConfigureAwait(false);
                }
                catch (NpgsqlException e) when (IsConnectionFailure(e))
                {
                    OnConnectionFailure(e, tally);
                    if (!isRead || attempt > 1 || cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                }
            }
        }
        finally
        {
            ReportIfSlow(tally);
        }
    }

    /// <summary>Logs a lost connection and empties the pool: when the server restarted or failed over, every idle
    /// pooled connection is dead too, and without this each would fail one more call before the pool noticed.</summary>
    private void OnConnectionFailure(NpgsqlException exception, OperationTally tally)
    {
        PostgresCheckpointLog.ConnectionFailed(_logger, exception, tally.Operation, tally.ThreadId, Elapsed(tally).TotalMilliseconds);
        _dataSource.Clear();
    }

    private OperationTally StartTally(string operation, string threadId, long bytes) =>
        new(operation, threadId, _settings.TimeProvider.GetTimestamp()) { Bytes = bytes };

    private TimeSpan Elapsed(OperationTally tally) => _settings.TimeProvider.GetElapsedTime(tally.Started);

    private void ReportIfSlow(OperationTally tally)
    {
        var threshold = _settings.SlowOperationThreshold;
        var elapsed = Elapsed(tally);
        if (threshold == Timeout.InfiniteTimeSpan || elapsed < threshold)
        {
            return;
        }

        // An overloaded database makes most operations slow at once; logging each would add console work to the
        // overload itself (9 % of the host's CPU in the 200-conversation bench). The first few lines of each second
        // are written; the rest are counted and reported in one line when the next second's first one arrives.
        var (write, suppressed) = _slowLines.Admit(_settings.TimeProvider);
        if (suppressed > 0)
        {
            PostgresCheckpointLog.SlowOperationsSuppressed(_logger, suppressed, SlowLineLimiter.LinesPerSecond);
        }

        if (write)
        {
            PostgresCheckpointLog.SlowOperation(_logger, tally.Operation, tally.ThreadId, tally.Bytes, elapsed.TotalMilliseconds, threshold.TotalMilliseconds);
        }
    }

    /// <summary>Starts a batch; behind a transaction pooler its first command sets the statement and lock timeouts for
    /// the transaction, because session settings would stay on whichever server session ran them.</summary>
    private NpgsqlBatch NewBatch(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        if (_settings.PerTransactionTimeouts)
        {
            batch.Add(PostgresSql.SetLocalTimeouts)
                .With("statement", _settings.StatementTimeoutMs.ToString(CultureInfo.InvariantCulture))
                .With("lock", _settings.LockTimeoutMs.ToString(CultureInfo.InvariantCulture));
        }

        return batch;
    }

    /// <summary>Runs a batch and moves the reader to the result of <paramref name="command"/>; every command before it
    /// must be a SELECT (each yields one result).</summary>
    private static async Task<NpgsqlDataReader> ReadResultOfAsync(NpgsqlBatch batch, NpgsqlBatchCommand command, CancellationToken cancellationToken)
    {
        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var skip = batch.BatchCommands.IndexOf(command); skip > 0; skip--)
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }

            return reader;
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Tells an unreachable server or a dropped connection (including a terminated backend and a server
    /// shutting down) from an error in a statement.</summary>
    private static bool IsConnectionFailure(NpgsqlException exception) => exception is not PostgresException postgres
        || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
        || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;

    /// <summary>Holds what the slow-operation warning reports about one call.</summary>
    private sealed class OperationTally(string operation, string threadId, long started)
    {
        public string Operation { get; } = operation;

        public string ThreadId { get; } = threadId;

        public long Started { get; } = started;

        public long Bytes { get; set; }
    }
}
