namespace Mirt.Graph.Postgres;

/// <summary>Configures a <see cref="PostgresCheckpointSaver"/>.</summary>
/// <remarks>
/// <see cref="PostgresCheckpointSaver.OpenAsync"/> validates and copies the values, so changing an options instance
/// afterwards has no effect on an open saver. Not thread-safe; fill it in on one thread. Values set here override the
/// same keys in <see cref="ConnectionString"/>.
/// </remarks>
public sealed class PostgresCheckpointOptions
{
    /// <summary>Gets or sets the Npgsql connection string of the database that holds the checkpoints, for example
    /// <c>Host=db;Database=shop;Username=mirt;Password=…</c>.</summary>
    /// <value>Required: the default is the empty string, which <see cref="PostgresCheckpointSaver.OpenAsync"/> rejects.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets the schema that holds the saver's tables; created when missing.</summary>
    /// <value>The default is <c>mirt</c>. Letters, digits and underscores, starting with a letter or underscore, at most
    /// 63 characters.</value>
    public string Schema { get; set; } = "mirt";

    /// <summary>Gets or sets how many connections the saver's pool opens at most; puts of different threads run in
    /// parallel up to this number, further calls wait for a free connection.</summary>
    /// <value>The default is 8. Must be between 1 and 1,000.</value>
    public int MaxPoolSize { get; set; } = 8;

    /// <summary>Gets or sets how many idle connections the pool keeps open.</summary>
    /// <value>The default is 0. Must be between 0 and <see cref="MaxPoolSize"/>.</value>
    public int MinPoolSize { get; set; }

    /// <summary>Gets or sets how long one SQL statement may run on the server before PostgreSQL cancels it
    /// (<c>statement_timeout</c>).</summary>
    /// <value>The default is 5 seconds. <see cref="TimeSpan.Zero"/> turns the limit off; otherwise between 1 ms and
    /// 1 hour, rounded up to whole milliseconds.</value>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long a statement waits for a lock another transaction holds (another writer of the
    /// same thread, a prune) before PostgreSQL fails it (<c>lock_timeout</c>).</summary>
    /// <value>The default is 2 seconds. <see cref="TimeSpan.Zero"/> turns the limit off; otherwise between 1 ms and
    /// 1 hour, rounded up to whole milliseconds.</value>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how long the client waits for one round trip before it cancels the command (Npgsql's
    /// <c>Command Timeout</c>); a backstop for a server that stops answering.</summary>
    /// <value>The default is 30 seconds. Must be between 1 second and 1 hour; rounded up to whole seconds.</value>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets what sits between the saver and PostgreSQL (see <see cref="PostgresPoolerMode"/>).</summary>
    /// <value>The default is <see cref="PostgresPoolerMode.None"/>. Set <see cref="PostgresPoolerMode.TransactionPooling"/>
    /// behind PgBouncer in transaction mode or Supabase's transaction pooler.</value>
    public PostgresPoolerMode PoolerMode { get; set; }

    /// <summary>Gets or sets whether Npgsql prepares the saver's statements on the server (automatic preparation), which
    /// saves parsing and planning on every call.</summary>
    /// <value>The default is <see langword="null"/>: on with <see cref="PostgresPoolerMode.None"/>, off with
    /// <see cref="PostgresPoolerMode.TransactionPooling"/>. Turn it on behind a pooler only when the pooler tracks
    /// prepared statements (PgBouncer 1.21 or later with <c>max_prepared_statements</c> set).</value>
    public bool? UsePreparedStatements { get; set; }

    /// <summary>Gets or sets how long an operation may take before the saver logs a warning with the operation, thread
    /// id, bytes moved and duration in milliseconds.</summary>
    /// <value>The default is 250 milliseconds. <see cref="TimeSpan.Zero"/> logs every operation;
    /// <see cref="Timeout.InfiniteTimeSpan"/> logs none.</value>
    public TimeSpan SlowOperationThreshold { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets or sets the clock that times operations for the slow-operation warning.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
