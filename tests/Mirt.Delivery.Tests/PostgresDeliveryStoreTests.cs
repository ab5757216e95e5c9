using Mirt.Testing.Postgres;

namespace Mirt.Delivery.Tests;

/// <summary>Runs the delivery conformance suite against a real PostgreSQL: a fresh schema per test in the class's
/// database; a second store instance is a second connection pool, as another replica would be.</summary>
public sealed class PostgresDeliveryStoreTests(PostgresDatabaseFixture fixture) : DeliveryStoreConformance, IClassFixture<PostgresDatabaseFixture>
{
    private readonly string _schema = $"delivery_{Guid.NewGuid():N}";

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override Task<IDeliveryStore> OpenStoreAsync() =>
        DeliveryStores.OpenPostgresAsync(new DeliveryPostgresOptions { ConnectionString = fixture.ConnectionString, Schema = _schema });

    protected override Task DropDatabaseAsync() => PostgresSql.ExecuteAsync(fixture.ConnectionString, $"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
}
