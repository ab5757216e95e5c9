namespace Mirt.Testing.Postgres;

/// <summary>An empty database a test class created on a <see cref="PostgresCluster"/>; dropped when disposed.</summary>
/// <param name="Cluster">The server that holds it.</param>
/// <param name="Name">The database name.</param>
/// <param name="ConnectionString">Connects to it as the cluster's user (pooling on, Npgsql defaults otherwise).</param>
public sealed record PostgresDatabase(PostgresCluster Cluster, string Name, string ConnectionString) : IAsyncDisposable
{
    /// <summary>Terminates every session connected to this database (see <see cref="PostgresCluster.TerminateBackendsAsync"/>).</summary>
    /// <returns>How many sessions were terminated.</returns>
    public Task<int> TerminateBackendsAsync() => Cluster.TerminateBackendsAsync(Name);

    /// <summary>Drops the database.</summary>
    /// <returns>A task that completes when it is gone.</returns>
    public async ValueTask DisposeAsync() => await Cluster.DropDatabaseAsync(Name);
}
