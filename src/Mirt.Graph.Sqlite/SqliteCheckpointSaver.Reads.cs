using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Mirt.Graph.Checkpoints;

namespace Mirt.Graph.Sqlite;

/// <content>Loads checkpoints on short-lived pooled read connections.</content>
public sealed partial class SqliteCheckpointSaver
{
    private const string SelectColumns = """
        SELECT thread_id, ns, checkpoint_id, parent_id, step, created_at, next_json, graph_version, versions_json, metadata_json
        FROM checkpoints AS c
        """;

    // Joins a checkpoint's channel-to-version map to the stored values; a NULL value means "versioned, no value".
    private const string SelectStoredValues = """
        SELECT b.channel, b.value_json
        FROM json_each($versions) AS v
        JOIN checkpoint_blobs AS b
          ON b.thread_id = $thread AND b.ns = $ns AND b.channel = v.key AND b.version = v.value;
        """;

    private const string SelectPendingWrites = """
        SELECT task_id, channel, value_json
        FROM checkpoint_writes
        WHERE thread_id = $thread AND ns = $ns AND checkpoint_id = $id
        ORDER BY task_path, task_id, idx;
        """;

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The saver is disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">SQLite failed to read.</exception>
    public async Task<CheckpointTuple?> GetTupleAsync(CheckpointConfig config, CancellationToken cancellationToken = default)
    {
        var (threadId, ns) = CheckpointArguments.Address(config);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SelectColumns + " WHERE thread_id = $thread AND ns = $ns"
            + (config.CheckpointId is null ? " ORDER BY checkpoint_id DESC LIMIT 1;" : " AND checkpoint_id = $id;");
        command.Parameters.AddWithValue("$thread", threadId);
        command.Parameters.AddWithValue("$ns", ns);
        if (config.CheckpointId is not null)
        {
            command.Parameters.AddWithValue("$id", config.CheckpointId);
        }

        (CheckpointTuple Tuple, string VersionsJson) row;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            row = ReadCheckpoint(reader);
        }

        return await CompleteAsync(transaction, row.Tuple, row.VersionsJson, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The enumeration reads one consistent snapshot and holds a pooled read connection until it ends or is
    /// disposed, so dispose it promptly.</remarks>
    /// <exception cref="ObjectDisposedException">The saver is disposed.</exception>
    public IAsyncEnumerable<CheckpointTuple> ListAsync(CheckpointQuery query, CancellationToken cancellationToken = default)
    {
        CheckpointArguments.List(query);
        ThrowIfDisposed();
        return ListCoreAsync(query, cancellationToken);
    }

    private async IAsyncEnumerable<CheckpointTuple> ListCoreAsync(CheckpointQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = BuildListSql(query, command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (tuple, versionsJson) = ReadCheckpoint(reader);
            yield return await CompleteAsync(transaction, tuple, versionsJson, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string BuildListSql(CheckpointQuery query, SqliteParameterCollection parameters)
    {
        var sql = new StringBuilder(SelectColumns).Append(" WHERE 1 = 1");
        if (query.ThreadId is not null)
        {
            sql.Append(" AND thread_id = $thread");
            parameters.AddWithValue("$thread", query.ThreadId);
        }

        if (query.Namespace is not null)
        {
            sql.Append(" AND ns = $ns");
            parameters.AddWithValue("$ns", query.Namespace);
        }

        if (query.CheckpointId is not null)
        {
            sql.Append(" AND checkpoint_id = $id");
            parameters.AddWithValue("$id", query.CheckpointId);
        }

        if (query.Before is not null)
        {
            sql.Append(" AND checkpoint_id < $before");
            parameters.AddWithValue("$before", query.Before);
        }

        var index = 0;
        foreach (var (key, value) in query.Filter ?? new Dictionary<string, string>())
        {
            // Containment on the flat metadata: every filter pair must be present with an equal string value.
            sql.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM json_each(c.metadata_json) AS m WHERE m.key = $fk{index} AND m.type = 'text' AND m.value = $fv{index})");
            parameters.AddWithValue($"$fk{index}", key);
            parameters.AddWithValue($"$fv{index}", value);
            index++;
        }

        sql.Append(" ORDER BY checkpoint_id DESC, thread_id ASC, ns ASC LIMIT $limit;");
        parameters.AddWithValue("$limit", query.Limit ?? -1);
        return sql.ToString();
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await SetBusyTimeoutAsync(connection, _busyTimeoutMs, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static (CheckpointTuple Tuple, string VersionsJson) ReadCheckpoint(SqliteDataReader reader)
    {
        var threadId = reader.GetString(0);
        var ns = reader.GetString(1);
        var id = reader.GetString(2);
        var parentId = reader.IsDBNull(3) ? null : reader.GetString(3);
        var versionsJson = reader.GetString(8);
        var flat = JsonSerializer.Deserialize(reader.GetString(9), SqliteJsonContext.Default.DictionaryStringString)
            ?? throw new InvalidDataException($"Checkpoint '{id}' of thread '{threadId}' has empty metadata; the database file is damaged.");
        var checkpoint = new Checkpoint(
            id,
            reader.GetInt32(4),
            DateTimeOffset.ParseExact(reader.GetString(5), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            new Dictionary<string, string>(),
            JsonSerializer.Deserialize(versionsJson, SqliteJsonContext.Default.DictionaryStringInt64) ?? [],
            JsonSerializer.Deserialize(reader.GetString(6), SqliteJsonContext.Default.StringArray) ?? [],
            reader.GetInt32(7));
        var tuple = new CheckpointTuple(
            new CheckpointConfig(threadId, ns, id),
            checkpoint,
            CheckpointMetadata.FromFlat(flat),
            parentId is null ? null : new CheckpointConfig(threadId, ns, parentId),
            []);
        return (tuple, versionsJson);
    }

    /// <summary>Adds the stored channel values and pending writes to a checkpoint read without them.</summary>
    private static async Task<CheckpointTuple> CompleteAsync(SqliteTransaction transaction, CheckpointTuple tuple, string versionsJson, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = transaction.Connection!.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = SelectStoredValues;
            command.Parameters.AddWithValue("$versions", versionsJson);
            command.Parameters.AddWithValue("$thread", tuple.Config.ThreadId);
            command.Parameters.AddWithValue("$ns", tuple.Config.Namespace);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!reader.IsDBNull(1))
                {
                    values.Add(reader.GetString(0), reader.GetString(1));
                }
            }
        }

        var writes = new List<PendingWrite>();
        using (var command = transaction.Connection!.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = SelectPendingWrites;
            command.Parameters.AddWithValue("$thread", tuple.Config.ThreadId);
            command.Parameters.AddWithValue("$ns", tuple.Config.Namespace);
            command.Parameters.AddWithValue("$id", tuple.Checkpoint.Id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                writes.Add(new PendingWrite(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        return tuple with { Checkpoint = tuple.Checkpoint with { ChannelValues = values }, PendingWrites = writes };
    }
}
