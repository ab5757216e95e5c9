using System.Text;
using System.Text.Json;
using Mirt.Graph.Checkpoints;
using Npgsql;

namespace Mirt.Graph.Postgres;

/// <summary>Puts checkpoints and pending writes.</summary>
public sealed partial class PostgresCheckpointSaver
{
    /// <inheritdoc />
    /// <remarks>One round trip: a batch that locks the thread's head row and checks <paramref name="expectedHead"/>,
    /// inserts the channel values named in <paramref name="newVersions"/> (first value wins) and inserts the checkpoint,
    /// run by PostgreSQL as one implicit transaction. Puts of the same thread and namespace wait for each other on the
    /// head row (at most <see cref="PostgresCheckpointOptions.LockTimeout"/>); puts of other threads run in parallel.
    /// <para>A put whose connection breaks is tried once more on a fresh connection. The checkpoint id makes that safe:
    /// when the first attempt had committed before the connection broke, the second finds its own checkpoint (the id
    /// reused, or the head already at this checkpoint), checks that the stored one has the same parent, and reports
    /// success instead of an error, so a dropped connection neither loses nor duplicates the step.</para></remarks>
    /// <exception cref="NpgsqlException">PostgreSQL is unreachable, the connection broke twice, or a statement or lock
    /// timeout expired; nothing was stored.</exception>
    public async Task<CheckpointConfig> PutAsync(
        CheckpointConfig config,
        Checkpoint checkpoint,
        CheckpointMetadata metadata,
        IReadOnlyDictionary<string, long>? newVersions = null,
        ExpectedHead expectedHead = default,
        CancellationToken cancellationToken = default)
    {
        var (threadId, ns, toWrite) = CheckpointArguments.Put(config, checkpoint, metadata, newVersions, expectedHead);
        await WriteChainWithRetryAsync("put", threadId, ns, [new CheckpointPut(config, checkpoint, metadata, newVersions, expectedHead)], [toWrite], cancellationToken).ConfigureAwait(false);
        return new CheckpointConfig(threadId, ns, checkpoint.Id);
    }

    /// <inheritdoc />
    /// <remarks>One round trip and one commit for the whole chain: a batch that locks the thread's head row once, checks
    /// the first put's expected head, inserts every channel value the chain writes in one statement, then each
    /// checkpoint. A chain whose connection breaks is tried once more, recognising its own commit as
    /// <see cref="PutAsync"/> does (by the last checkpoint of the chain).</remarks>
    /// <exception cref="NpgsqlException">PostgreSQL is unreachable, the connection broke twice, or a statement or lock
    /// timeout expired; nothing was stored.</exception>
    public async Task<IReadOnlyList<CheckpointConfig>> PutManyAsync(IReadOnlyList<CheckpointPut> puts, CancellationToken cancellationToken = default)
    {
        var (threadId, ns, toWrite) = CheckpointArguments.PutMany(puts);
        if (puts.Count == 0)
        {
            return [];
        }

        await WriteChainWithRetryAsync("put_many", threadId, ns, puts, toWrite, cancellationToken).ConfigureAwait(false);
        return puts.Select(put => new CheckpointConfig(threadId, ns, put.Checkpoint.Id)).ToArray();
    }

    /// <summary>Writes a checked chain; a broken connection gets one more try, and when that try finds the chain stored
    /// already (its id reused, or the head moved to it), the first attempt had committed before its connection broke, so
    /// the chain is stored exactly once and the call succeeds.</summary>
    private async Task WriteChainWithRetryAsync(
        string operation,
        string threadId,
        string ns,
        IReadOnlyList<CheckpointPut> puts,
        IReadOnlyList<IReadOnlyDictionary<string, long>> toWrite,
        CancellationToken cancellationToken)
    {
        try
        {
            await WriteChainAsync(operation, threadId, ns, puts, toWrite, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException first) when (IsConnectionFailure(first) && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await WriteChainAsync(operation, threadId, ns, puts, toWrite, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception again) when (again is InvalidOperationException or CheckpointConflictException)
            {
                var last = puts[^1];
                if (!await IsAlreadyStoredAsync(last.Config, last.Checkpoint, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }
            }
        }
    }

    private async Task<bool> IsAlreadyStoredAsync(CheckpointConfig config, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        var stored = await GetTupleAsync(config with { CheckpointId = checkpoint.Id }, cancellationToken).ConfigureAwait(false);
        return stored is not null
            && stored.Checkpoint.Step == checkpoint.Step
            && string.Equals(stored.ParentConfig?.CheckpointId, config.CheckpointId, StringComparison.Ordinal);
    }

    /// <summary>Writes a checked chain (one put or several) in one batch: PostgreSQL runs it as one implicit transaction.</summary>
    private Task<bool> WriteChainAsync(
        string operation,
        string threadId,
        string ns,
        IReadOnlyList<CheckpointPut> puts,
        IReadOnlyList<IReadOnlyDictionary<string, long>> toWrite,
        CancellationToken cancellationToken)
    {
        var blobCount = toWrite.Sum(channels => channels.Count);
        var channels = new string[blobCount];
        var versions = new long[blobCount];
        var values = new string?[blobCount];
        long bytes = 0;
        var i = 0;
        for (var p = 0; p < puts.Count; p++)
        {
            foreach (var (channel, version) in toWrite[p])
            {
                channels[i] = channel;
                versions[i] = version;
                values[i] = puts[p].Checkpoint.ChannelValues.GetValueOrDefault(channel);
                bytes += values[i] is { } value ? Encoding.UTF8.GetByteCount(value) : 0;
                i++;
            }
        }

        var expectedHead = puts[0].ExpectedHead;
        return RunAsync(operation, threadId, bytes, async (connection, _) =>
        {
            await using var batch = NewBatch(connection);
            batch.Add(_sql.LockHead)
                .With("thread", threadId)
                .With("ns", ns)
                .With("expect", (int)expectedHead.Kind)
                .With("expected", expectedHead.CheckpointId);
            if (blobCount > 0)
            {
                batch.Add(_sql.InsertBlobs)
                    .With("thread", threadId)
                    .With("ns", ns)
                    .With("channels", channels)
                    .With("versions", versions)
                    .With("values", values);
            }

            foreach (var put in puts)
            {
                AddCheckpointInsert(batch, threadId, ns, put);
            }

            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresMigrations.HeadConflictSqlState)
            {
                throw new CheckpointConflictException(threadId, ns, expectedHead.CheckpointId, ActualHeadOf(e));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "checkpoints_pkey")
            {
                throw CheckpointArguments.IdReused(threadId, ns, ReusedIdOf(e, puts));
            }

            return true;
        }, cancellationToken);
    }

    private void AddCheckpointInsert(NpgsqlBatch batch, string threadId, string ns, CheckpointPut put)
    {
        var checkpoint = put.Checkpoint;
        batch.Add(_sql.InsertCheckpoint)
            .With("thread", threadId)
            .With("ns", ns)
            .With("id", checkpoint.Id)
            .With("parent", put.Config.CheckpointId)
            .With("step", checkpoint.Step)
            .With("created_at", checkpoint.CreatedAt.UtcDateTime)
            .With("created_ticks", checkpoint.CreatedAt.UtcTicks)
            .With("next", checkpoint.Next.ToArray())
            .With("graph_version", checkpoint.GraphVersion)
            .With("versions", JsonSerializer.Serialize(new Dictionary<string, long>(checkpoint.ChannelVersions, StringComparer.Ordinal), PostgresJsonContext.Default.DictionaryStringInt64))
            .With("metadata", JsonSerializer.Serialize(put.Metadata.ToFlat(), PostgresJsonContext.Default.DictionaryStringString));
    }

    /// <summary>Names the checkpoint id a unique violation reports (its detail holds the key), or the chain's first id.</summary>
    private static string ReusedIdOf(PostgresException violation, IReadOnlyList<CheckpointPut> puts) =>
        puts.Select(put => put.Checkpoint.Id).FirstOrDefault(id => violation.Detail?.Contains($"{id})", StringComparison.Ordinal) == true)
        ?? puts[0].Checkpoint.Id;

    /// <inheritdoc />
    /// <remarks>One statement. Writing against a checkpoint that does not exist (yet) is allowed, as in the other stores.</remarks>
    /// <exception cref="NpgsqlException">PostgreSQL is unreachable, the connection broke, or the statement timed out;
    /// retrying is safe, because the call is idempotent.</exception>
    public Task PutWritesAsync(
        CheckpointConfig config,
        IReadOnlyList<ChannelWrite> writes,
        string taskId,
        string taskPath = "",
        CancellationToken cancellationToken = default)
    {
        var (threadId, ns, checkpointId) = CheckpointArguments.PutWrites(config, writes, taskId, taskPath);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        if (writes.Count == 0)
        {
            return Task.CompletedTask;
        }

        // One row per index: a special channel written twice in one call keeps the last value, as a replace would.
        var rows = new Dictionary<int, ChannelWrite>();
        for (var position = 0; position < writes.Count; position++)
        {
            rows[WriteChannels.IndexOf(writes[position].Channel, position)] = writes[position];
        }

        var indexes = rows.Keys.ToArray();
        var channels = rows.Values.Select(w => w.Channel).ToArray();
        var values = rows.Values.Select(w => w.ValueJson).ToArray();
        var bytes = values.Sum(v => (long)Encoding.UTF8.GetByteCount(v));
        return RunAsync("put_writes", threadId, bytes, async (connection, _) =>
        {
            await using var batch = NewBatch(connection);
            batch.Add(_sql.InsertWrites)
                .With("thread", threadId)
                .With("ns", ns)
                .With("checkpoint", checkpointId)
                .With("task_path", taskPath)
                .With("task_id", taskId)
                .With("indexes", indexes)
                .With("channels", channels)
                .With("values", values);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>Reads the actual head from the message of a head conflict: <c>… actual head 'id'</c>, <c>… E'id'</c>
    /// (an id with a backslash) or <c>… NULL</c>, as <c>quote_nullable</c> wrote it.</summary>
    private static string? ActualHeadOf(PostgresException conflict)
    {
        var quoted = conflict.MessageText[PostgresMigrations.HeadConflictPrefix.Length..];
        var escaped = quoted.StartsWith('E');
        quoted = escaped ? quoted[1..] : quoted;
        if (quoted.Length < 2 || quoted[0] != '\'' || quoted[^1] != '\'')
        {
            return null;
        }

        var id = quoted[1..^1].Replace("''", "'", StringComparison.Ordinal);
        return escaped ? id.Replace(@"\\", @"\", StringComparison.Ordinal) : id;
    }
}
