using Mirt.Graph.Checkpoints;
using Npgsql;

namespace Mirt.Graph.Postgres;

/// <summary>Deletes, copies and prunes threads. Each call runs in one transaction that first locks the affected
/// threads' head rows, so it never interleaves with a put of those threads.</summary>
public sealed partial class PostgresCheckpointSaver
{
    /// <summary>How many threads one retention transaction handles.</summary>
    private const int RetentionBatchThreads = 100;

    /// <inheritdoc />
    /// <remarks>One round trip (a batch run as one transaction).</remarks>
    /// <exception cref="NpgsqlException">PostgreSQL is unreachable, the connection broke, or a timeout expired; nothing was deleted.</exception>
    public Task DeleteThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        return RunAsync("delete_thread", threadId, 0, async (connection, _) =>
        {
            string[] threads = [threadId];
            await using var batch = NewBatch(connection);
            batch.Add(_sql.LockThreads).With("threads", threads);
            foreach (var delete in _sql.DeleteThreads)
            {
                batch.Add(delete).With("threads", threads);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One transaction of three round trips: lock both threads and check the target, copy, commit.</remarks>
    /// <exception cref="NpgsqlException">PostgreSQL is unreachable, the connection broke, or a timeout expired; nothing was copied.</exception>
    public Task CopyThreadAsync(string sourceThreadId, string targetThreadId, CancellationToken cancellationToken = default)
    {
        CheckpointArguments.Copy(sourceThreadId, targetThreadId);
        return RunAsync("copy_thread", sourceThreadId, 0, async (connection, _) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var check = NewBatch(connection, transaction))
            {
                check.Add(_sql.LockCopy).With("source", sourceThreadId).With("target", targetThreadId);
                var exists = check.Add(_sql.TargetHasCheckpoints).With("target", targetThreadId);
                await using var reader = await ReadResultOfAsync(check, exists, cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (reader.GetBoolean(0))
                {
                    throw CheckpointArguments.CopyTargetNotEmpty(targetThreadId);
                }
            }

            await using (var copy = new NpgsqlBatch(connection, transaction))
            {
                foreach (var statement in _sql.CopyThread)
                {
                    copy.Add(statement).With("source", sourceThreadId).With("target", targetThreadId);
                }

                await copy.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One round trip (a batch run as one transaction).</remarks>
    /// <exception cref="NpgsqlException">PostgreSQL is unreachable, the connection broke, or a timeout expired; nothing was pruned.</exception>
    public Task PruneAsync(IReadOnlyCollection<string> threadIds, PruneStrategy strategy, CancellationToken cancellationToken = default)
    {
        var threads = CheckpointArguments.Ids(threadIds, nameof(threadIds)).ToArray();
        CheckpointArguments.Strategy(strategy);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        if (threads.Length == 0)
        {
            return Task.CompletedTask;
        }

        return RunAsync("prune", Describe(threads), 0, async (connection, _) =>
        {
            await using var batch = NewBatch(connection);
            batch.Add(_sql.LockThreads).With("threads", threads);
            var statements = strategy == PruneStrategy.Delete ? _sql.DeleteThreads : [_sql.DeleteAllButLatest, _sql.CollectBlobs];
            foreach (var statement in statements)
            {
                batch.Add(statement).With("threads", threads);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One transaction of three round trips: lock the threads the runs wrote to, delete and collect unreferenced
    /// values, commit.</remarks>
    /// <exception cref="NpgsqlException">PostgreSQL is unreachable, the connection broke, or a timeout expired; nothing was deleted.</exception>
    public Task DeleteForRunsAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken = default)
    {
        var runs = CheckpointArguments.Ids(runIds, nameof(runIds)).ToArray();
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        if (runs.Length == 0)
        {
            return Task.CompletedTask;
        }

        return RunAsync("delete_for_runs", "*", 0, async (connection, _) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var threads = await LockThreadsAsync(connection, transaction, _sql.LockRunThreads, command => command.With("runs", runs), cancellationToken).ConfigureAwait(false);
            if (threads.Length > 0)
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                batch.Add(_sql.DeleteRuns).With("threads", threads).With("runs", runs);
                batch.Add(_sql.CollectBlobs).With("threads", threads);
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Works in transactions of up to 100 threads each (lock, delete and collect, commit), so a large backlog
    /// never holds locks for long; cancelling between transactions keeps the finished ones.</remarks>
    /// <exception cref="NpgsqlException">PostgreSQL is unreachable, the connection broke, or a timeout expired; the
    /// transactions committed before stay committed.</exception>
    public Task<long> PruneOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        RunAsync("prune_older_than", "*", 0, async (connection, _) =>
        {
            long deleted = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var threads = await LockThreadsAsync(
                    connection,
                    transaction,
                    _sql.LockExpiredThreads,
                    command => command.With("cutoff", cutoff.UtcTicks).With("batch", RetentionBatchThreads),
                    cancellationToken).ConfigureAwait(false);
                if (threads.Length == 0)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return deleted;
                }

                await using (var batch = new NpgsqlBatch(connection, transaction))
                {
                    batch.Add(_sql.DeleteExpired).With("threads", threads).With("cutoff", cutoff.UtcTicks);
                    batch.Add(_sql.CollectBlobs).With("threads", threads);
                    deleted += (long)(await batch.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);

    /// <summary>Runs a statement that locks head rows and returns their thread ids (distinct).</summary>
    private async Task<string[]> LockThreadsAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sql,
        Action<NpgsqlBatchCommand> bind,
        CancellationToken cancellationToken)
    {
        await using var batch = NewBatch(connection, transaction);
        var select = batch.Add(sql);
        bind(select);
        await using var reader = await ReadResultOfAsync(batch, select, cancellationToken).ConfigureAwait(false);
        var threads = new SortedSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            threads.Add(reader.GetString(0));
        }

        return [.. threads];
    }

    private static string Describe(string[] threads) => threads.Length == 1 ? threads[0] : $"{threads[0]} (+{threads.Length - 1} more)";
}
