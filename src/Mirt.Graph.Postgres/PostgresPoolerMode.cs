namespace Mirt.Graph.Postgres;

/// <summary>Says what sits between the saver and PostgreSQL, so the saver keeps to what that path supports.</summary>
public enum PostgresPoolerMode
{
    /// <summary>The saver talks to PostgreSQL directly, or through a session-mode pooler: each connection keeps one
    /// server session, so session settings and server-side prepared statements are used.</summary>
    None = 0,

    /// <summary>The saver talks through a transaction-mode pooler (PgBouncer <c>pool_mode = transaction</c>, Supabase's
    /// pooler on port 6543, RDS Proxy): consecutive transactions of one client connection may run on different server
    /// sessions. The saver then keeps no session state: no startup <c>options</c>, no connection reset, server-side
    /// prepared statements off unless <see cref="PostgresCheckpointOptions.UsePreparedStatements"/> says otherwise, and
    /// the statement and lock timeouts set per transaction (<c>set_config(…, true)</c>, the function form of
    /// <c>SET LOCAL</c>) at the start of every batch.</summary>
    TransactionPooling = 1,
}
