using Xunit;

namespace Mirt.Testing.Postgres;

/// <summary>
/// An xUnit class fixture that gives a test class its own empty database on the shared test cluster (see
/// <see cref="PostgresCluster.GetSharedAsync"/>), so test classes run in parallel without seeing each other's rows.
/// Use it with <c>IClassFixture&lt;PostgresDatabaseFixture&gt;</c>; tests of one class share the database and clean
/// up between themselves (truncate) where they need an empty store.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private PostgresDatabase? _database;

    /// <summary>Gets the database.</summary>
    public PostgresDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    /// <summary>Gets a connection string to the database.</summary>
    public string ConnectionString => Database.ConnectionString;

    /// <summary>Gets the cluster that holds the database.</summary>
    public PostgresCluster Cluster => Database.Cluster;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var cluster = await PostgresCluster.GetSharedAsync();
        _database = await cluster.CreateDatabaseAsync("class");
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
