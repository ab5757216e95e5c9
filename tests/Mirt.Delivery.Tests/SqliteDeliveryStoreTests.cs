namespace Mirt.Delivery.Tests;

/// <summary>Runs the delivery conformance suite against SQLite: a fresh temp file per test; a second store instance
/// is a second write connection on the same file, as another process would be.</summary>
public sealed class SqliteDeliveryStoreTests : DeliveryStoreConformance
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"mirt-delivery-{Guid.NewGuid():N}");

    private string FilePath => Path.Combine(_directory, "mirt.db");

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override Task<IDeliveryStore> OpenStoreAsync() => DeliveryStores.OpenSqliteAsync(FilePath);

    protected override Task DropDatabaseAsync()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
