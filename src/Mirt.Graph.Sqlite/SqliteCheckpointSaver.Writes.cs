using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Mirt.Graph.Checkpoints;

namespace Mirt.Graph.Sqlite;

/// <content>Writes checkpoints and pending writes through the single write connection.</content>
public sealed partial class SqliteCheckpointSaver
{
    private const string SelectHead = "SELECT MAX(checkpoint_id) FROM checkpoints WHERE thread_id = $thread AND ns = $ns;";

    private const string SelectExists = "SELECT 1 FROM checkpoints WHERE thread_id = $thread AND ns = $ns AND checkpoint_id = $id;";

    private const string InsertBlob = """
        INSERT OR IGNORE INTO checkpoint_blobs (thread_id, ns, channel, version, value_json)
        VALUES ($thread, $ns, $channel, $version, $value);
        """;

    private const string InsertCheckpoint = """
        INSERT INTO checkpoints (thread_id, ns, checkpoint_id, parent_id, step, created_at, next_json, graph_version, versions_json, metadata_json)
        VALUES ($thread, $ns, $id, $parent, $step, $created, $next, $graphVersion, $versions, $metadata);
        """;

    private const string InsertWrite = """
        INSERT INTO checkpoint_writes (thread_id, ns, checkpoint_id, task_id, task_path, idx, channel, value_json)
        VALUES ($thread, $ns, $id, $task, $path, $idx, $channel, $value)
        ON CONFLICT (thread_id, ns, checkpoint_id, task_id, idx) DO
        """;

    /// <inheritdoc />
    /// <remarks>Runs in one <c>BEGIN IMMEDIATE</c> transaction, so the head check and the insert cannot interleave
    /// with another writer of the file, in this process or another; a failed or cancelled put stores nothing.</remarks>
    /// <exception cref="ObjectDisposedException">The saver is disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the commit; nothing was stored.</exception>
    /// <exception cref="SqliteException">SQLite failed to write, for example because another process held the lock longer than the busy timeout.</exception>
    public async Task<CheckpointConfig> PutAsync(
        CheckpointConfig config,
        Checkpoint checkpoint,
        CheckpointMetadata metadata,
        IReadOnlyDictionary<string, long>? newVersions = null,
        ExpectedHead expectedHead = default,
        CancellationToken cancellationToken = default)
    {
        var (threadId, ns, toWrite) = CheckpointArguments.Put(config, checkpoint, metadata, newVersions, expectedHead);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        var row = new CheckpointRow(threadId, ns, config, checkpoint, metadata, toWrite);
        await WriteAsync(
            async transaction =>
            {
                await CheckHeadAsync(transaction, threadId, ns, expectedHead, cancellationToken).ConfigureAwait(false);
                await InsertAsync(transaction, row, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        return new CheckpointConfig(threadId, ns, checkpoint.Id);
    }

    /// <inheritdoc />
    /// <remarks>The whole chain runs in one <c>BEGIN IMMEDIATE</c> transaction: one commit, all checkpoints or none.</remarks>
    /// <exception cref="ObjectDisposedException">The saver is disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the commit; nothing was stored.</exception>
    /// <exception cref="SqliteException">SQLite failed to write.</exception>
    public async Task<IReadOnlyList<CheckpointConfig>> PutManyAsync(IReadOnlyList<CheckpointPut> puts, CancellationToken cancellationToken = default)
    {
        var (threadId, ns, toWrite) = CheckpointArguments.PutMany(puts);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        if (puts.Count == 0)
        {
            return [];
        }

        var rows = puts.Select((put, i) => new CheckpointRow(threadId, ns, put.Config, put.Checkpoint, put.Metadata, toWrite[i])).ToArray();
        await WriteAsync(
            async transaction =>
            {
                await CheckHeadAsync(transaction, threadId, ns, puts[0].ExpectedHead, cancellationToken).ConfigureAwait(false);
                foreach (var row in rows)
                {
                    await InsertAsync(transaction, row, cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);

        return puts.Select(put => new CheckpointConfig(threadId, ns, put.Checkpoint.Id)).ToArray();
    }

    private static async Task CheckHeadAsync(SqliteTransaction transaction, string threadId, string ns, ExpectedHead expectedHead, CancellationToken cancellationToken)
    {
        if (expectedHead.Kind == ExpectedHeadKind.Any)
        {
            return;
        }

        var head = await ScalarAsync(transaction, SelectHead, cancellationToken, ("$thread", threadId), ("$ns", ns)).ConfigureAwait(false) as string;
        if (!expectedHead.IsMetBy(head))
        {
            throw new CheckpointConflictException(threadId, ns, expectedHead.CheckpointId, head);
        }
    }

    /// <summary>Inserts one checkpoint with the channel values it writes, inside the caller's transaction.</summary>
    private static async Task InsertAsync(SqliteTransaction transaction, CheckpointRow row, CancellationToken cancellationToken)
    {
        var (threadId, ns, checkpoint) = (row.ThreadId, row.Namespace, row.Checkpoint);
        if (await ScalarAsync(transaction, SelectExists, cancellationToken, ("$thread", threadId), ("$ns", ns), ("$id", checkpoint.Id)).ConfigureAwait(false) is not null)
        {
            throw CheckpointArguments.IdReused(threadId, ns, checkpoint.Id);
        }

        var blobs = row.ToWrite.Select(pair => (Channel: pair.Key, Version: pair.Value, Value: checkpoint.ChannelValues.GetValueOrDefault(pair.Key))).ToList();
        await InsertBlobsAsync(transaction, threadId, ns, blobs, cancellationToken).ConfigureAwait(false);
        using var insert = transaction.Connection!.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertCheckpoint;
        insert.Parameters.AddWithValue("$thread", threadId);
        insert.Parameters.AddWithValue("$ns", ns);
        insert.Parameters.AddWithValue("$id", checkpoint.Id);
        insert.Parameters.AddWithValue("$parent", (object?)row.Config.CheckpointId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$step", checkpoint.Step);
        insert.Parameters.AddWithValue("$created", checkpoint.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("$next", JsonSerializer.Serialize(checkpoint.Next.ToArray(), SqliteJsonContext.Default.StringArray));
        insert.Parameters.AddWithValue("$graphVersion", checkpoint.GraphVersion);
        insert.Parameters.AddWithValue("$versions", JsonSerializer.Serialize(new Dictionary<string, long>(checkpoint.ChannelVersions), SqliteJsonContext.Default.DictionaryStringInt64));
        insert.Parameters.AddWithValue("$metadata", JsonSerializer.Serialize(row.Metadata.ToFlat(), SqliteJsonContext.Default.DictionaryStringString));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Holds one checked put: its address, checkpoint, metadata and the channels it writes.</summary>
    private sealed record CheckpointRow(
        string ThreadId,
        string Namespace,
        CheckpointConfig Config,
        Checkpoint Checkpoint,
        CheckpointMetadata Metadata,
        IReadOnlyDictionary<string, long> ToWrite);

    /// <inheritdoc />
    /// <remarks>Runs in one transaction.</remarks>
    /// <exception cref="ObjectDisposedException">The saver is disposed.</exception>
    /// <exception cref="SqliteException">SQLite failed to write.</exception>
    public async Task PutWritesAsync(
        CheckpointConfig config,
        IReadOnlyList<ChannelWrite> writes,
        string taskId,
        string taskPath = "",
        CancellationToken cancellationToken = default)
    {
        var (threadId, ns, checkpointId) = CheckpointArguments.PutWrites(config, writes, taskId, taskPath);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        var copy = writes.ToArray();
        await WriteAsync(
            async transaction =>
            {
                using var insert = transaction.Connection!.CreateCommand();
                insert.Transaction = transaction;
                insert.Parameters.AddWithValue("$thread", threadId);
                insert.Parameters.AddWithValue("$ns", ns);
                insert.Parameters.AddWithValue("$id", checkpointId);
                insert.Parameters.AddWithValue("$task", taskId);
                insert.Parameters.AddWithValue("$path", taskPath);
                var index = insert.Parameters.Add("$idx", SqliteType.Integer);
                var channel = insert.Parameters.Add("$channel", SqliteType.Text);
                var value = insert.Parameters.Add("$value", SqliteType.Text);
                for (var position = 0; position < copy.Length; position++)
                {
                    var write = copy[position];
                    // Special channels keep one slot per task and the latest value; regular writes keep the first.
                    insert.CommandText = InsertWrite + (WriteChannels.IsSpecial(write.Channel)
                        ? " UPDATE SET channel = excluded.channel, value_json = excluded.value_json, task_path = excluded.task_path;"
                        : " NOTHING;");
                    index.Value = WriteChannels.IndexOf(write.Channel, position);
                    channel.Value = write.Channel;
                    value.Value = write.ValueJson;
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="body"/> in one <c>BEGIN IMMEDIATE</c> transaction on the write connection and commits it.</summary>
    private async Task WriteAsync(Func<SqliteTransaction, Task> body, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            using var transaction = _writer.BeginTransaction(deferred: false);
            await body(transaction).ConfigureAwait(false);

            // Past this point the write is complete; committing is not cancellable, so an acknowledged write is durable.
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static async Task<object?> ScalarAsync(SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result is DBNull ? null : result;
    }

    private static async Task<int> ExecuteAsync(SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertBlobsAsync(
        SqliteTransaction transaction,
        string threadId,
        string ns,
        List<(string Channel, long Version, string? Value)> blobs,
        CancellationToken cancellationToken)
    {
        using var insert = transaction.Connection!.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertBlob;
        insert.Parameters.AddWithValue("$thread", threadId);
        insert.Parameters.AddWithValue("$ns", ns);
        var channelParameter = insert.Parameters.Add("$channel", SqliteType.Text);
        var versionParameter = insert.Parameters.Add("$version", SqliteType.Integer);
        var valueParameter = insert.Parameters.Add("$value", SqliteType.Text);
        foreach (var (channel, version, value) in blobs)
        {
            channelParameter.Value = channel;
            versionParameter.Value = version;
            valueParameter.Value = (object?)value ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
