using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Mirt.Graph.Checkpoints;

namespace Mirt.Graph.Sqlite;

/// <content>Writes checkpoints through the single write connection.</content>
public sealed partial class SqliteCheckpointSaver
{
    private const string SelectExists = "SELECT 1 FROM checkpoints WHERE thread_id = $thread AND ns = $ns AND checkpoint_id = $id;";

    private const string InsertBlob = """
        INSERT INTO checkpoint_blobs (thread_id, ns, channel, version, value_json)
        VALUES ($thread, $ns, $channel, $version, $value);
        """;

    private const string InsertCheckpoint = """
        INSERT INTO checkpoints (thread_id, ns, checkpoint_id, parent_id, step, created_at, next_json, graph_version, versions_json, metadata_json)
        VALUES ($thread, $ns, $id, $parent, $step, $created, $next, $graphVersion, $versions, $metadata);
        """;

    private const string DeleteThread = """
        DELETE FROM checkpoints WHERE thread_id = $thread;
        DELETE FROM checkpoint_blobs WHERE thread_id = $thread;
        """;

    /// <inheritdoc />
    /// <remarks>Runs in one transaction: a failed or cancelled put stores nothing. Stores a value row only for channel
    /// versions the thread and namespace do not hold yet.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="checkpoint"/> or <paramref name="metadata"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The thread id or checkpoint id is empty, or a channel has a value but no version.</exception>
    /// <exception cref="InvalidOperationException">The checkpoint id exists already in the thread and namespace, or a
    /// channel version is stored already with a different value.</exception>
    /// <exception cref="ObjectDisposedException">The saver is disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the commit; nothing was stored.</exception>
    /// <exception cref="SqliteException">SQLite failed to write, for example because another process held the lock longer than the busy timeout.</exception>
    public async Task<CheckpointConfig> PutAsync(CheckpointConfig config, Checkpoint checkpoint, CheckpointMetadata metadata, CancellationToken cancellationToken = default)
    {
        var (threadId, ns) = CheckpointArguments.Put(config, checkpoint, metadata);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        var versionsJson = JsonSerializer.Serialize(new Dictionary<string, long>(checkpoint.ChannelVersions), SqliteJsonContext.Default.DictionaryStringInt64);
        var nextJson = JsonSerializer.Serialize(checkpoint.Next.ToArray(), SqliteJsonContext.Default.StringArray);
        var metadataJson = JsonSerializer.Serialize(
            new StoredMetadata(metadata.Source, metadata.Step, metadata.Node, new Dictionary<string, string>(metadata.Extra)),
            SqliteJsonContext.Default.StoredMetadata);

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            using var transaction = _writer.BeginTransaction(deferred: false);
            if (await ExistsAsync(transaction, threadId, ns, checkpoint.Id, cancellationToken).ConfigureAwait(false))
            {
                throw CheckpointArguments.IdReused(threadId, ns, checkpoint.Id);
            }

            await InsertNewBlobsAsync(transaction, threadId, ns, checkpoint, versionsJson, cancellationToken).ConfigureAwait(false);

            using var insert = _writer.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = InsertCheckpoint;
            insert.Parameters.AddWithValue("$thread", threadId);
            insert.Parameters.AddWithValue("$ns", ns);
            insert.Parameters.AddWithValue("$id", checkpoint.Id);
            insert.Parameters.AddWithValue("$parent", (object?)config.CheckpointId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$step", checkpoint.Step);
            insert.Parameters.AddWithValue("$created", checkpoint.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$next", nextJson);
            insert.Parameters.AddWithValue("$graphVersion", checkpoint.GraphVersion);
            insert.Parameters.AddWithValue("$versions", versionsJson);
            insert.Parameters.AddWithValue("$metadata", metadataJson);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            // Past this point the write is complete; committing is not cancellable, so an acknowledged put is durable.
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }

        return new CheckpointConfig(threadId, ns, checkpoint.Id);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The saver is disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was deleted.</exception>
    /// <exception cref="SqliteException">SQLite failed to write.</exception>
    public async Task DeleteThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            using var transaction = _writer.BeginTransaction(deferred: false);
            using var command = _writer.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = DeleteThread;
            command.Parameters.AddWithValue("$thread", threadId);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static async Task<bool> ExistsAsync(SqliteTransaction transaction, string threadId, string ns, string checkpointId, CancellationToken cancellationToken)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SelectExists;
        command.Parameters.AddWithValue("$thread", threadId);
        command.Parameters.AddWithValue("$ns", ns);
        command.Parameters.AddWithValue("$id", checkpointId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    private static async Task InsertNewBlobsAsync(
        SqliteTransaction transaction,
        string threadId,
        string ns,
        Checkpoint checkpoint,
        string versionsJson,
        CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (channel, value) in await ReadStoredValuesAsync(transaction, threadId, ns, versionsJson, cancellationToken).ConfigureAwait(false))
        {
            stored[channel] = value;
        }

        using var insert = transaction.Connection!.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertBlob;
        insert.Parameters.AddWithValue("$thread", threadId);
        insert.Parameters.AddWithValue("$ns", ns);
        var channelParameter = insert.Parameters.Add("$channel", SqliteType.Text);
        var versionParameter = insert.Parameters.Add("$version", SqliteType.Integer);
        var valueParameter = insert.Parameters.Add("$value", SqliteType.Text);
        foreach (var (channel, version) in checkpoint.ChannelVersions)
        {
            var value = checkpoint.ChannelValues.GetValueOrDefault(channel);
            if (stored.TryGetValue(channel, out var existing))
            {
                if (!string.Equals(existing, value, StringComparison.Ordinal))
                {
                    throw CheckpointArguments.VersionReused(threadId, channel, version);
                }

                continue;
            }

            channelParameter.Value = channel;
            versionParameter.Value = version;
            valueParameter.Value = (object?)value ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
