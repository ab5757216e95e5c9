using Mirt.Testing.Postgres;

namespace Mirt.Graph.Postgres.Tests;

/// <summary>Gives a test class a fresh database on the shared cluster and a PgBouncer in transaction mode in front of it.</summary>
public sealed class PgBouncerFixture : IAsyncLifetime
{
    private PostgresDatabase? _database;
    private PgBouncer? _bouncer;

    /// <summary>Gets the database (direct connection string for setup and inspection).</summary>
    public PostgresDatabase Database => _database ?? throw new InvalidOperationException("Created in InitializeAsync.");

    /// <summary>Gets the PgBouncer in front of <see cref="Database"/>.</summary>
    public PgBouncer Bouncer => _bouncer ?? throw new InvalidOperationException("Created in InitializeAsync.");

    /// <summary>Builds saver options that connect through PgBouncer with the transaction-pooling switch on.</summary>
    public PostgresCheckpointOptions PooledOptions() => new()
    {
        ConnectionString = Bouncer.ConnectionString,
        PoolerMode = PostgresPoolerMode.TransactionPooling,
    };

    public async Task InitializeAsync()
    {
        var cluster = await PostgresCluster.GetSharedAsync();
        _database = await cluster.CreateDatabaseAsync("bouncer");
        _bouncer = await PgBouncer.StartAsync(_database);
    }

    public async Task DisposeAsync()
    {
        if (_bouncer is not null)
        {
            await _bouncer.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
