namespace Mirt.Delivery.Sqlite;

/// <summary>Loads the bundled native SQLite library once per process.</summary>
internal static class SqliteNative
{
    private static readonly Lazy<bool> Initialized = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    /// <summary>Registers the bundled <c>e_sqlite3</c> provider on the first call; later calls do nothing. Thread-safe.</summary>
    public static void EnsureInitialized() => _ = Initialized.Value;
}
