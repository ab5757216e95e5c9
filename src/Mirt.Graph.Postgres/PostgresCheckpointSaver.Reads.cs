using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Mirt.Graph.Checkpoints;
using Npgsql;

namespace Mirt.Graph.Postgres;

/// <summary>Loads checkpoints: one statement returns a checkpoint row with its channel values and pending writes.</summary>
public sealed partial class PostgresCheckpointSaver
{
    /// <inheritdoc />
    /// <remarks>One round trip: the latest checkpoint is the first by <c>checkpoint_id DESC</c> (an index scan), its
    /// values are joined through its version map and its pending writes aggregated, in one statement. A lost connection
    /// is retried once on a fresh one (after a server restart the pool's idle connections are dead).</remarks>
    /// <exception cref="NpgsqlException">PostgreSQL is unreachable, the connection broke, or the statement timed out.</exception>
    public Task<CheckpointTuple?> GetTupleAsync(CheckpointConfig config, CancellationToken cancellationToken = default)
    {
        var (threadId, ns) = CheckpointArguments.Address(config);
        return RunAsync("get", threadId, 0, async (connection, tally) =>
        {
            await using var batch = NewBatch(connection);
            var select = config.CheckpointId is null
                ? batch.Add(_sql.SelectTuples + " WHERE c.thread_id = @thread AND c.ns = @ns ORDER BY c.checkpoint_id DESC LIMIT 1")
                : batch.Add(_sql.SelectTuples + " WHERE c.thread_id = @thread AND c.ns = @ns AND c.checkpoint_id = @id").With("id", config.CheckpointId);
            select.With("thread", threadId).With("ns", ns);
            await using var reader = await ReadResultOfAsync(batch, select, cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var tuple = ReadTuple(reader, out var bytes);
            tally.Bytes = bytes;
            return tuple;
        }, cancellationToken, isRead: true);
    }

    /// <inheritdoc />
    /// <remarks>One statement whose rows stream while the caller enumerates, holding one pooled connection until the
    /// enumeration ends; the query runs on the first <c>MoveNextAsync</c>, and is retried once on a fresh connection when
    /// the connection is lost before the first row. The metadata filter is a jsonb containment
    /// test (<c>metadata @&gt; filter</c>).</remarks>
    /// <exception cref="NpgsqlException">PostgreSQL is unreachable, the connection broke, or the statement timed out.</exception>
    public IAsyncEnumerable<CheckpointTuple> ListAsync(CheckpointQuery query, CancellationToken cancellationToken = default)
    {
        CheckpointArguments.List(query);
        return ListCoreAsync(query, cancellationToken);
    }

    private async IAsyncEnumerable<CheckpointTuple> ListCoreAsync(CheckpointQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        var tally = StartTally("list", query.ThreadId ?? "*", 0);
        NpgsqlConnection? connection = null;
        NpgsqlBatch? batch = null;
        NpgsqlDataReader? reader = null;
        try
        {
            try
            {
                (connection, batch, reader) = await StartListingAsync(query, tally, cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException e) when (IsConnectionFailure(e) && !cancellationToken.IsCancellationRequested)
            {
                // As in RunAsync: a read that lost a (stale) pooled connection before its first row is retried once.
                (connection, batch, reader) = await StartListingAsync(query, tally, cancellationToken).ConfigureAwait(false);
            }

            while (await ReadNextAsync(reader, tally, cancellationToken).ConfigureAwait(false))
            {
                var tuple = ReadTuple(reader, out var bytes);
                tally.Bytes += bytes;
                yield return tuple;
            }
        }
        finally
        {
            await DisposeAllAsync(reader, batch, connection).ConfigureAwait(false);
            ReportIfSlow(tally);
        }
    }

    private async Task<(NpgsqlConnection Connection, NpgsqlBatch Batch, NpgsqlDataReader Reader)> StartListingAsync(
        CheckpointQuery query,
        OperationTally tally,
        CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        NpgsqlBatch? batch = null;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            batch = NewBatch(connection);
            var select = batch.Add(_sql.SelectTuples + " WHERE true");
            if (query.ThreadId is not null)
            {
                select.CommandText += " AND c.thread_id = @thread";
                select.With("thread", query.ThreadId);
            }

            if (query.Namespace is not null)
            {
                select.CommandText += " AND c.ns = @ns";
                select.With("ns", query.Namespace);
            }

            if (query.CheckpointId is not null)
            {
                select.CommandText += " AND c.checkpoint_id = @id";
                select.With("id", query.CheckpointId);
            }

            if (query.Before is not null)
            {
                select.CommandText += " AND c.checkpoint_id < @before";
                select.With("before", query.Before);
            }

            if (query.Filter is { Count: > 0 } filter)
            {
                select.CommandText += " AND c.metadata @> @filter::jsonb";
                select.With("filter", JsonSerializer.Serialize(new Dictionary<string, string>(filter, StringComparer.Ordinal), PostgresJsonContext.Default.DictionaryStringString));
            }

            select.CommandText += " ORDER BY c.checkpoint_id DESC, c.thread_id, c.ns LIMIT @limit";
            select.With("limit", query.Limit);
            var reader = await ReadResultOfAsync(batch, select, cancellationToken).ConfigureAwait(false);
            return (connection, batch, reader);
        }
        catch (Exception e)
        {
            if (e is NpgsqlException npgsql && IsConnectionFailure(npgsql))
            {
                OnConnectionFailure(npgsql, tally);
            }

            await DisposeAllAsync(null, batch, connection).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<bool> ReadNextAsync(NpgsqlDataReader reader, OperationTally tally, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e) when (IsConnectionFailure(e))
        {
            OnConnectionFailure(e, tally);
            throw;
        }
    }

    private static async Task DisposeAllAsync(NpgsqlDataReader? reader, NpgsqlBatch? batch, NpgsqlConnection? connection)
    {
        if (reader is not null)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }

        if (batch is not null)
        {
            await batch.DisposeAsync().ConfigureAwait(false);
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Reads one row of <see cref="PostgresSql.SelectTuples"/>.</summary>
    private static CheckpointTuple ReadTuple(NpgsqlDataReader reader, out long bytes)
    {
        var threadId = reader.GetString(0);
        var ns = reader.GetString(1);
        var id = reader.GetString(2);
        var parentId = reader.IsDBNull(3) ? null : reader.GetString(3);
        var versions = JsonSerializer.Deserialize(reader.GetString(8), PostgresJsonContext.Default.DictionaryStringInt64)
            ?? throw new InvalidDataException($"Checkpoint '{id}' of thread '{threadId}' has no version map; the table was changed by another program.");
        var flatMetadata = JsonSerializer.Deserialize(reader.GetString(9), PostgresJsonContext.Default.DictionaryStringString)
            ?? throw new InvalidDataException($"Checkpoint '{id}' of thread '{threadId}' has no metadata; the table was changed by another program.");

        bytes = 0;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!reader.IsDBNull(10))
        {
            var channels = reader.GetFieldValue<string[]>(10);
            var texts = reader.GetFieldValue<string[]>(11);
            for (var i = 0; i < channels.Length; i++)
            {
                values[channels[i]] = texts[i];
                bytes += Encoding.UTF8.GetByteCount(texts[i]);
            }
        }

        var writes = new List<PendingWrite>();
        if (!reader.IsDBNull(12))
        {
            var taskIds = reader.GetFieldValue<string[]>(12);
            var channels = reader.GetFieldValue<string[]>(13);
            var texts = reader.GetFieldValue<string[]>(14);
            for (var i = 0; i < taskIds.Length; i++)
            {
                writes.Add(new PendingWrite(taskIds[i], channels[i], texts[i]));
            }
        }

        var checkpoint = new Checkpoint(
            id,
            reader.GetInt32(4),
            new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero),
            values,
            versions,
            reader.GetFieldValue<string[]>(6),
            reader.GetInt32(7));
        return new CheckpointTuple(
            new CheckpointConfig(threadId, ns, id),
            checkpoint,
            CheckpointMetadata.FromFlat(flatMetadata),
            parentId is null ? null : new CheckpointConfig(threadId, ns, parentId),
            writes);
    }
}
