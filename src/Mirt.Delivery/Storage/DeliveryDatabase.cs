using System.Data.Common;

namespace Mirt.Delivery.Storage;

/// <summary>
/// Hides what differs between the databases behind <see cref="SqlDeliveryStore"/>: how a call gets its connection and
/// transaction, how a conversation row is locked, and where the tables live. The SQL itself is shared.
/// </summary>
internal abstract class DeliveryDatabase : IAsyncDisposable
{
    /// <summary>Initializes the shared parts.</summary>
    /// <param name="name">The database kind for logs (<c>sqlite</c>, <c>postgres</c>).</param>
    /// <param name="tablePrefix">What goes before each table name (a quoted schema and a dot, or nothing).</param>
    /// <param name="forUpdate">What locks a selected row until the transaction ends (<c> FOR UPDATE</c>), or nothing
    /// where the transaction already holds the whole database's write lock.</param>
    protected DeliveryDatabase(string name, string tablePrefix, string forUpdate)
    {
        Name = name;
        Tables = new DeliveryTables(tablePrefix);
        ForUpdate = forUpdate;
    }

    /// <summary>Gets the database kind for logs.</summary>
    public string Name { get; }

    /// <summary>Gets the table names and shared column lists.</summary>
    public DeliveryTables Tables { get; }

    /// <summary>Gets the row-lock suffix of a SELECT.</summary>
    public string ForUpdate { get; }

    /// <summary>Gets the row-lock suffix of a SELECT with joins that locks only the rows of one table.</summary>
    /// <param name="alias">The alias of the table whose rows are locked.</param>
    /// <returns>The suffix (<c> FOR UPDATE OF alias</c>), or nothing where <see cref="ForUpdate"/> is nothing.</returns>
    public string ForUpdateOf(string alias) => ForUpdate.Length == 0 ? string.Empty : $"{ForUpdate} OF {alias}";

    /// <summary>Starts a write: a connection and a transaction that holds the write locks it takes until commit.</summary>
    /// <param name="cancellationToken">Cancels the wait for a connection or the write lock.</param>
    /// <returns>The session; disposing it without committing rolls back.</returns>
    public abstract Task<DeliverySession> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>Starts a read of one statement: a connection, no explicit transaction.</summary>
    /// <param name="cancellationToken">Cancels the wait for a connection.</param>
    /// <returns>The session.</returns>
    public abstract Task<DeliverySession> BeginReadAsync(CancellationToken cancellationToken);

    /// <summary>Tells whether a failure means the connection was lost (the server went away), as opposed to a
    /// refused statement.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns><see langword="true"/> for a lost connection.</returns>
    public virtual bool IsConnectionFailure(DbException exception) => false;

    /// <summary>Reacts to a lost connection, for example by emptying a pool whose idle connections died with the server.</summary>
    public virtual void OnConnectionFailure()
    {
    }

    /// <summary>Closes the connections.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public abstract ValueTask DisposeAsync();
}
