using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Mirt.Graph.Checkpoints;

namespace Mirt.Graph.Sqlite;

/// <content>Loads checkpoints on short-lived pooled read connections.</content>
public sealed partial class SqliteCheckpointSaver
{
    private const string SelectCheckpoint = """
        SELECT checkpoint_id, parent_id, step, created_at, next_json, graph_version, versions_json, metadata_json
        FROM checkpoints
        WHERE thread_id = $thread AND ns = $ns
        """;

    private const string SelectLatest = SelectCheckpoint + " ORDER BY checkpoint_id DESC LIMIT 1;";

    private const string SelectById = SelectCheckpoint + " AND checkpoint_id = $id;";

    private const string SelectNewestFirst = SelectCheckpoint + " ORDER BY checkpoint_id DESC LIMIT $limit;";

    // Joins a checkpoint's channel-to-version map to the stored values; a NULL value means "versioned, no value".
    private const string SelectStoredValues = """
        SELECT b.channel, b.value_json
        FROM json_each($versions) AS v
        JOIN checkpoint_blobs AS b
          ON b.thread_id = $thread AND b.ns = $ns AND b.channel = v.key AND b.version = v.value;
        """;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The config has no thread id.</exception>
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
        command.CommandText = config.CheckpointId is null ? SelectLatest : SelectById;
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

            row = ReadCheckpoint(reader, threadId, ns);
        }

        return await WithValuesAsync(transaction, row.Tuple, row.VersionsJson, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The config's checkpoint id is ignored. The enumeration reads one consistent snapshot and holds a pooled read
    /// connection until it ends or is disposed, so dispose it promptly.
    /// </remarks>
    /// <exception cref="ArgumentException">The config has no thread id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative.</exception>
    /// <exception cref="ObjectDisposedException">The saver is disposed.</exception>
    public IAsyncEnumerable<CheckpointTuple> ListAsync(CheckpointConfig config, int? limit = null, CancellationToken cancellationToken = default)
    {
        var address = CheckpointArguments.Address(config);
        if (limit is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(limit));
        }

        ThrowIfDisposed();
        return ListCoreAsync(address.ThreadId, address.Namespace, limit, cancellationToken);
    }

    private async IAsyncEnumerable<CheckpointTuple> ListCoreAsync(
        string threadId,
        string ns,
        int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SelectNewestFirst;
        command.Parameters.AddWithValue("$thread", threadId);
        command.Parameters.AddWithValue("$ns", ns);
        command.Parameters.AddWithValue("$limit", limit ?? -1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (tuple, versionsJson) = ReadCheckpoint(reader, threadId, ns);
            yield return await WithValuesAsync(transaction, tuple, versionsJson, cancellationToken).ConfigureAwait(false);
        }
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

    private static (CheckpointTuple Tuple, string VersionsJson) ReadCheckpoint(SqliteDataReader reader, string threadId, string ns)
    {
        var id = reader.GetString(0);
        var parentId = reader.IsDBNull(1) ? null : reader.GetString(1);
        var versionsJson = reader.GetString(6);
        var stored = JsonSerializer.Deserialize(reader.GetString(7), SqliteJsonContext.Default.StoredMetadata)
            ?? throw new InvalidDataException($"Checkpoint '{id}' of thread '{threadId}' has empty metadata; the database file is damaged.");
        var checkpoint = new Checkpoint(
            id,
            reader.GetInt32(2),
            DateTimeOffset.ParseExact(reader.GetString(3), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            new Dictionary<string, string>(),
            JsonSerializer.Deserialize(versionsJson, SqliteJsonContext.Default.DictionaryStringInt64) ?? [],
            JsonSerializer.Deserialize(reader.GetString(4), SqliteJsonContext.Default.StringArray) ?? [],
            reader.GetInt32(5));
        var metadata = new CheckpointMetadata(stored.Source, stored.Step, stored.Node, stored.Extra ?? []);
        var tuple = new CheckpointTuple(
            new CheckpointConfig(threadId, ns, id),
            checkpoint,
            metadata,
            parentId is null ? null : new CheckpointConfig(threadId, ns, parentId));
        return (tuple, versionsJson);
    }

    private static async Task<CheckpointTuple> WithValuesAsync(SqliteTransaction transaction, CheckpointTuple tuple, string versionsJson, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (channel, value) in await ReadStoredValuesAsync(transaction, tuple.Config.ThreadId, tuple.Config.Namespace, versionsJson, cancellationToken).ConfigureAwait(false))
        {
            if (value is not null)
            {
                values.Add(channel, value);
            }
        }

        return tuple with { Checkpoint = tuple.Checkpoint with { ChannelValues = values } };
    }

    private static async Task<List<KeyValuePair<string, string?>>> ReadStoredValuesAsync(
        SqliteTransaction transaction,
        string threadId,
        string ns,
        string versionsJson,
        CancellationToken cancellationToken)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SelectStoredValues;
        command.Parameters.AddWithValue("$versions", versionsJson);
        command.Parameters.AddWithValue("$thread", threadId);
        command.Parameters.AddWithValue("$ns", ns);
        var values = new List<KeyValuePair<string, string?>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(new(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return values;
    }
}
