namespace Mirt.Delivery;

/// <summary>Configures the PostgreSQL delivery store that <see cref="DeliveryStores.OpenPostgresAsync"/> opens.</summary>
/// <remarks>
/// <see cref="DeliveryStores.OpenPostgresAsync"/> validates and copies the values, so changing an options instance
/// afterwards has no effect on an open store. Not thread-safe; fill it in on one thread. The store shares the database
/// (and by default the schema) with <c>Mirt.Graph.Postgres</c>; its tables are all named <c>delivery_…</c>.
/// </remarks>
public sealed class DeliveryPostgresOptions
{
    /// <summary>Gets or sets the Npgsql connection string of the database, for example
    /// <c>Host=db;Database=shop;Username=mirt;Password=…</c>.</summary>
    /// <value>Required: the default is the empty string, which <see cref="DeliveryStores.OpenPostgresAsync"/> rejects.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets the schema that holds the store's tables; created when missing.</summary>
    /// <value>The default is <c>mirt</c> (the checkpoint store's default). Letters, digits and underscores, starting
    /// with a letter or underscore, at most 63 characters.</value>
    public string Schema { get; set; } = "mirt";

    /// <summary>Gets or sets how many connections the store's pool opens at most; calls beyond that wait for a free
    /// connection.</summary>
    /// <value>The default is 8. Must be between 1 and 1,000.</value>
    public int MaxPoolSize { get; set; } = 8;
}
