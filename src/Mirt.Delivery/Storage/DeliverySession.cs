using System.Data.Common;
using System.Globalization;

namespace Mirt.Delivery.Storage;

/// <summary>Runs the statements of one store call on one connection, inside one transaction when it writes.</summary>
/// <remarks>
/// <para>Parameters are named <c>@name</c>, which both Npgsql and Microsoft.Data.Sqlite bind.</para>
/// <para>Statements are queued (<see cref="Enqueue"/>, <see cref="EnqueueQuery{T}"/>) and sent at the next
/// <see cref="FlushAsync"/> or <see cref="CommitAsync"/>, in order. A batching connection (PostgreSQL) sends them as
/// one batch, one round trip: queue what does not depend on an earlier result, then flush once. A later statement of a
/// batch still starts after the earlier ones finished (a lock is held before the next read, and in READ COMMITTED the
/// next read takes a fresh snapshot). Otherwise (SQLite, in-process) they run one after another.</para>
/// <para>Transactions on a batching connection are explicit statements, so they cost no round trip of their own:
/// <c>BEGIN</c> goes first in the first flush and <c>COMMIT</c> last in the commit's flush. A write that is one flush
/// in all sends neither, since PostgreSQL runs a batch (the statements up to one Sync) as one implicit transaction
/// that commits at its end or rolls back wholly on an error.</para>
/// </remarks>
internal sealed class DeliverySession : IAsyncDisposable
{
    private const string Begin = "BEGIN ISOLATION LEVEL READ COMMITTED";

    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly Func<ValueTask> _release;
    private readonly bool _batchedWrite;
    private readonly List<DeliveryStatement> _queue = [];
    private bool _begun;
    private bool _committed;

    /// <summary>Initializes a session.</summary>
    /// <param name="connection">The open connection; when it can create batches, queued statements go as one batch.</param>
    /// <param name="transaction">The transaction every command joins, or <see langword="null"/> for a read or a
    /// batched write.</param>
    /// <param name="release">Gives the connection back (closes it, or frees the write gate) when the session ends.</param>
    /// <param name="batchedWrite">Makes the session one transaction of explicit <c>BEGIN</c> and <c>COMMIT</c>
    /// statements on a batching connection (see the remarks); <paramref name="transaction"/> is then
    /// <see langword="null"/>.</param>
    public DeliverySession(DbConnection connection, DbTransaction? transaction, Func<ValueTask> release, bool batchedWrite = false)
    {
        _connection = connection;
        _transaction = transaction;
        _release = release;
        _batchedWrite = batchedWrite;
    }

    /// <summary>Queues a statement that returns no rows.</summary>
    /// <returns>The statement; its <see cref="DeliveryStatement.RecordsAffected"/> is set once it ran.</returns>
    public DeliveryStatement Enqueue(string sql, params (string Name, object? Value)[] parameters)
    {
        var statement = new DeliveryStatement(sql, parameters, null);
        _queue.Add(statement);
        return statement;
    }

    /// <summary>Queues a query (a SELECT, or a write with RETURNING).</summary>
    /// <returns>The list its rows are added to, in order, when it runs.</returns>
    public List<T> EnqueueQuery<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        var rows = new List<T>();
        _queue.Add(new DeliveryStatement(sql, parameters, r => rows.Add(map(r))));
        return rows;
    }

    /// <summary>Sends the queued statements.</summary>
    /// <returns>A task that completes when they ran.</returns>
    public Task FlushAsync(CancellationToken cancellationToken) => RunQueueAsync(commit: false, cancellationToken);

    /// <summary>Queues a statement and sends the queue.</summary>
    /// <returns>The number of rows it changed.</returns>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var statement = Enqueue(sql, parameters);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return statement.RecordsAffected;
    }

    /// <summary>Queues a query, sends the queue and reads the first column of the query's first row as a 64-bit integer.</summary>
    /// <returns>The value, or <see langword="null"/> when there is no row or the value is NULL.</returns>
    public async Task<long?> Int64Async(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var rows = await ListAsync(sql, r => r.IsDBNull(0) ? (long?)null : Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), cancellationToken, parameters).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Queues a query, sends the queue and returns the query's rows.</summary>
    /// <returns>The rows, in the order the query returned them.</returns>
    public async Task<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var rows = EnqueueQuery(sql, map, parameters);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    /// <summary>Sends the queued statements and commits (a read only sends them); committing again does nothing.</summary>
    /// <param name="cancellationToken">Cancels before the commit is sent, or while a one-flush write runs (it then
    /// rolls back wholly). A commit that follows earlier flushes is not cancellable once sent: the work is complete.</param>
    /// <returns>A task that completes when committed.</returns>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_committed)
        {
            return;
        }

        await RunQueueAsync(commit: true, cancellationToken).ConfigureAwait(false);
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _committed = true;
    }

    /// <summary>Rolls back an uncommitted transaction and gives the connection back.</summary>
    /// <returns>A task that completes when released.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync().ConfigureAwait(false);
            }
            else if (_begun && !_committed)
            {
                await RollBackAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await _release().ConfigureAwait(false);
        }
    }

    private async Task RunQueueAsync(bool commit, CancellationToken cancellationToken)
    {
        var statements = _queue.ToList();
        _queue.Clear();
        if (!_batchedWrite)
        {
            await DeliveryCommands.RunEachAsync(_connection, _transaction, statements, cancellationToken).ConfigureAwait(false);
            return;
        }

        string? prefix = null;
        string? suffix = null;
        if (commit && _begun)
        {
            suffix = "COMMIT";
            cancellationToken.ThrowIfCancellationRequested();
            cancellationToken = CancellationToken.None;
        }
        else if (!commit && !_begun && statements.Count > 0)
        {
            prefix = Begin;
            _begun = true;
        }

        await DeliveryCommands.RunBatchAsync(_connection, prefix, statements, suffix, cancellationToken).ConfigureAwait(false);
    }

    private async Task RollBackAsync()
    {
        try
        {
            await DeliveryCommands.RunBatchAsync(_connection, null, [], "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The connection broke (a broken connection is not pooled again) or the server already ended the
            // transaction; either way nothing of it is committed.
        }
    }
}
