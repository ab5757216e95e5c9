using System.Globalization;
using System.Text.Json;
using Mirt.Graph.Checkpoints;

namespace Mirt.Graph.Sqlite;

/// <content>Deletes, copies and prunes threads, each in one write transaction.</content>
public sealed partial class SqliteCheckpointSaver
{
    private const string DeleteThreads = """
        DELETE FROM checkpoints WHERE thread_id IN (SELECT value FROM json_each($ids));
        DELETE FROM checkpoint_blobs WHERE thread_id IN (SELECT value FROM json_each($ids));
        DELETE FROM checkpoint_writes WHERE thread_id IN (SELECT value FROM json_each($ids));
        """;

    private const string SelectAnyOfThread = "SELECT 1 FROM checkpoints WHERE thread_id = $target LIMIT 1;";

    private const string CopyThread = """
        INSERT INTO checkpoints (thread_id, ns, checkpoint_id, parent_id, step, created_at, next_json, graph_version, versions_json, metadata_json)
        SELECT $target, ns, checkpoint_id, parent_id, step, created_at, next_json, graph_version, versions_json, metadata_json
        FROM checkpoints WHERE thread_id = $source;
        INSERT INTO checkpoint_blobs (thread_id, ns, channel, version, value_json)
        SELECT $target, ns, channel, version, value_json FROM checkpoint_blobs WHERE thread_id = $source;
        INSERT OR REPLACE INTO checkpoint_writes (thread_id, ns, checkpoint_id, task_id, task_path, idx, channel, value_json)
        SELECT $target, ns, checkpoint_id, task_id, task_path, idx, channel, value_json FROM checkpoint_writes WHERE thread_id = $source;
        """;

    // The doomed checkpoints are collected first, so their writes go with them and only the blobs of the threads
    // touched are checked for references.
    private const string PrepareDoomed = """
        CREATE TEMP TABLE IF NOT EXISTS doomed (thread_id TEXT NOT NULL, ns TEXT NOT NULL, checkpoint_id TEXT NOT NULL);
        DELETE FROM temp.doomed;
        """;

    private const string NotHead = """
        c.checkpoint_id < (SELECT MAX(h.checkpoint_id) FROM checkpoints AS h WHERE h.thread_id = c.thread_id AND h.ns = c.ns)
        """;

    private const string RemoveDoomed = """
        DELETE FROM checkpoints WHERE (thread_id, ns, checkpoint_id) IN (SELECT thread_id, ns, checkpoint_id FROM temp.doomed);
        DELETE FROM checkpoint_writes WHERE (thread_id, ns, checkpoint_id) IN (SELECT thread_id, ns, checkpoint_id FROM temp.doomed);
        DELETE FROM checkpoint_blobs AS b
        WHERE (b.thread_id, b.ns) IN (SELECT DISTINCT thread_id, ns FROM temp.doomed)
          AND NOT EXISTS (
            SELECT 1 FROM checkpoints AS c, json_each(c.versions_json) AS v
            WHERE c.thread_id = b.thread_id AND c.ns = b.ns AND v.key = b.channel AND v.value = b.version);
        """;

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The saver is disposed.</exception>
    public Task DeleteThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        return DeleteThreadsAsync([threadId], cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The saver is disposed.</exception>
    public async Task CopyThreadAsync(string sourceThreadId, string targetThreadId, CancellationToken cancellationToken = default)
    {
        CheckpointArguments.Copy(sourceThreadId, targetThreadId);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        await WriteAsync(
            async transaction =>
            {
                if (await ScalarAsync(transaction, SelectAnyOfThread, cancellationToken, ("$target", targetThreadId)).ConfigureAwait(false) is not null)
                {
                    throw CheckpointArguments.CopyTargetNotEmpty(targetThreadId);
                }

                // Leftover blobs or writes of a target without checkpoints would collide with the copy; they belong to nothing.
                await ExecuteAsync(transaction, DeleteThreads, cancellationToken, ("$ids", Json([targetThreadId]))).ConfigureAwait(false);
                await ExecuteAsync(transaction, CopyThread, cancellationToken, ("$source", sourceThreadId), ("$target", targetThreadId)).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The saver is disposed.</exception>
    public async Task PruneAsync(IReadOnlyCollection<string> threadIds, PruneStrategy strategy, CancellationToken cancellationToken = default)
    {
        var ids = CheckpointArguments.Ids(threadIds, nameof(threadIds));
        CheckpointArguments.Strategy(strategy);
        if (strategy == PruneStrategy.Delete)
        {
            await DeleteThreadsAsync(ids, cancellationToken).ConfigureAwait(false);
            return;
        }

        await RemoveWhereAsync(
            $"c.thread_id IN (SELECT value FROM json_each($ids)) AND {NotHead}",
            cancellationToken,
            ("$ids", Json(ids))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The saver is disposed.</exception>
    public async Task DeleteForRunsAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken = default)
    {
        var ids = CheckpointArguments.Ids(runIds, nameof(runIds));
        await RemoveWhereAsync(
            "EXISTS (SELECT 1 FROM json_each(c.metadata_json) AS m WHERE m.key = $runKey AND m.value IN (SELECT value FROM json_each($ids)))",
            cancellationToken,
            ("$ids", Json(ids)),
            ("$runKey", CheckpointMetadata.RunIdKey)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The saver is disposed.</exception>
    public Task<long> PruneOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        RemoveWhereAsync(
            $"c.created_at < $cutoff AND {NotHead}",
            cancellationToken,
            ("$cutoff", cutoff.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));

    private async Task DeleteThreadsAsync(IReadOnlyList<string> threadIds, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        await WriteAsync(
            transaction => ExecuteAsync(transaction, DeleteThreads, cancellationToken, ("$ids", Json(threadIds))),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the checkpoints matching <paramref name="condition"/> (over alias <c>c</c>), their writes, and the blobs left unreferenced.</summary>
    private async Task<long> RemoveWhereAsync(string condition, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        long removed = 0;
        await WriteAsync(
            async transaction =>
            {
                await ExecuteAsync(transaction, PrepareDoomed, cancellationToken).ConfigureAwait(false);
                removed = await ExecuteAsync(
                    transaction,
                    $"INSERT INTO temp.doomed (thread_id, ns, checkpoint_id) SELECT c.thread_id, c.ns, c.checkpoint_id FROM checkpoints AS c WHERE {condition};",
                    cancellationToken,
                    parameters).ConfigureAwait(false);
                if (removed > 0)
                {
                    await ExecuteAsync(transaction, RemoveDoomed, cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return removed;
    }

    private static string Json(IReadOnlyList<string> ids) => JsonSerializer.Serialize(ids.ToArray(), SqliteJsonContext.Default.StringArray);
}
