namespace Mirt.Sales.Storage;

/// <summary>
/// Names where conversations are stored.
/// </summary>
public enum StoreKind
{
    /// <summary>An embedded SQLite file under the data directory; durable, needs no server. The default.</summary>
    Sqlite,

    /// <summary>Process memory; lost on exit. For tests and benchmarks.</summary>
    InMemory,

    /// <summary>A PostgreSQL database (<see cref="Assistant.SalesAssistantOptions.PostgresConnectionString"/>); for
    /// several replicas sharing conversations.</summary>
    Postgres,
}
