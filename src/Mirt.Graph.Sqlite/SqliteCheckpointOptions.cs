namespace Mirt.Graph.Sqlite;

/// <summary>Configures a <see cref="SqliteCheckpointSaver"/>.</summary>
/// <remarks>
/// <see cref="SqliteCheckpointSaver.OpenAsync"/> copies the values it needs, so changing an options instance
/// afterwards has no effect on an open saver. Not thread-safe; fill it in on one thread.
/// </remarks>
public sealed class SqliteCheckpointOptions
{
    /// <summary>Gets or sets the path of the database file; relative paths resolve against the current directory.</summary>
    /// <value>Required: the default is the empty string, which <see cref="SqliteCheckpointSaver.OpenAsync"/> rejects.
    /// The file and its directory are created when missing; SQLite adds <c>-wal</c> and <c>-shm</c> files beside it.</value>
    public string FilePath { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets how long a connection waits for another connection's lock (another process writing, or
    /// migrating the schema) before failing with <c>SQLITE_BUSY</c>.
    /// </summary>
    /// <value>The default is 5 seconds. Must be between 0 and 1 hour; rounded up to whole milliseconds.</value>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
