using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace Mirt.Delivery.Storage;

/// <summary>
/// Implements <see cref="IDeliveryStore"/> once, in SQL both SQLite and PostgreSQL accept, over a
/// <see cref="DeliveryDatabase"/> that supplies connections, transactions and row locks.
/// </summary>
/// <remarks>
/// <para>Serialisation: every call that changes a subscriber's leases, inbox or outbox first locks that subscriber's
/// <c>delivery_conversations</c> row inside its transaction (PostgreSQL: <c>SELECT … FOR UPDATE</c>; SQLite: the
/// transaction began with <c>BEGIN IMMEDIATE</c>, so it already holds the file's write lock). Claims, accepts and
/// outbox inserts of one subscriber therefore run one after another across processes, and row ids of one subscriber
/// become visible in id order, which is the push order. Calls of different subscribers never wait for each other in
/// PostgreSQL.</para>
/// <para>Leases: a live lease blocks every claim, the holder's own included (an owner that claims again while it
/// runs the turn gets <see langword="null"/>, not a second copy of the turn); the holder completes or releases it.</para>
/// <para>Thread-safety: thread-safe.</para>
/// </remarks>
internal sealed partial class SqlDeliveryStore : IDeliveryStore
{
    private readonly DeliveryDatabase _database;
    private readonly DeliveryTables _t;
    private readonly ILogger _logger;
    private int _disposed;

    /// <summary>Initializes a store over an open, migrated database; the store owns and disposes it.</summary>
    public SqlDeliveryStore(DeliveryDatabase database, ILogger logger)
    {
        _database = database;
        _t = database.Tables;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        try
        {
            await using var session = await _database.BeginReadAsync(cancellationToken).ConfigureAwait(false);
            return await session.Int64Async("SELECT 1", cancellationToken).ConfigureAwait(false) == 1;
        }
        catch (DbException e)
        {
            Fail(e, "ping");
            return false;
        }
        catch (TimeoutException e)
        {
            DeliveryLog.ConnectionFailed(_logger, e, _database.Name, "ping");
            return false;
        }
    }

    /// <summary>Closes the database's connections; calling it again does nothing.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="body"/> in one write transaction and commits it.</summary>
    private async Task<T> WriteAsync<T>(string operation, Func<DeliverySession, Task<T>> body, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await using var session = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            var result = await body(session).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (DbException e) when (Fail(e, operation))
        {
            throw;
        }
    }

    /// <summary>Runs one read statement.</summary>
    private async Task<T> ReadAsync<T>(string operation, Func<DeliverySession, Task<T>> body, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await using var session = await _database.BeginReadAsync(cancellationToken).ConfigureAwait(false);
            return await body(session).ConfigureAwait(false);
        }
        catch (DbException e) when (Fail(e, operation))
        {
            throw;
        }
    }

    /// <summary>Logs a lost connection and lets the database react; never handles the exception (returns false), so
    /// it can run as an exception filter.</summary>
    private bool Fail(DbException exception, string operation)
    {
        if (_database.IsConnectionFailure(exception))
        {
            DeliveryLog.ConnectionFailed(_logger, exception, _database.Name, operation);
            _database.OnConnectionFailure();
        }

        return false;
    }

    /// <summary>Locks the subscriber's conversation row for the rest of the transaction and reads its leases.</summary>
    /// <param name="session">The write session.</param>
    /// <param name="subscriberId">The customer.</param>
    /// <param name="create">Creates the row when missing (an accept, an outbox insert).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The row, or <see langword="null"/> when it does not exist and <paramref name="create"/> is false.</returns>
    private async Task<ConversationRow?> LockConversationAsync(DeliverySession session, string subscriberId, bool create, CancellationToken cancellationToken)
    {
        var rows = EnqueueLockConversation(session, subscriberId, create);
        await session.FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Queues the statements of <see cref="LockConversationAsync"/>; statements queued after them run under
    /// the lock.</summary>
    /// <returns>The list that holds the row (or nothing) once the session flushed.</returns>
    private List<ConversationRow> EnqueueLockConversation(DeliverySession session, string subscriberId, bool create)
    {
        if (create)
        {
            // In PostgreSQL a concurrent first insert makes this wait for that transaction, then do nothing.
            session.Enqueue(
                $"INSERT INTO {_t.Conversations} (subscriber_id) VALUES (@subscriber) ON CONFLICT (subscriber_id) DO NOTHING",
                ("@subscriber", subscriberId));
        }

        return session.EnqueueQuery(
            $"SELECT turn_owner, turn_until, push_owner, push_until, handoff_reason FROM {_t.Conversations} WHERE subscriber_id = @subscriber{_database.ForUpdate}",
            ReadConversation,
            ("@subscriber", subscriberId));
    }

    /// <summary>Reads the lease and handoff columns, in the order <see cref="EnqueueLockConversation"/> selects them.</summary>
    private static ConversationRow ReadConversation(DbDataReader r) => new(
        DeliveryRows.NullableString(r, 0),
        DeliveryRows.NullableInt64(r, 1),
        DeliveryRows.NullableString(r, 2),
        DeliveryRows.NullableInt64(r, 3),
        DeliveryRows.NullableString(r, 4));

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
