using Microsoft.Data.Sqlite;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Sqlite;
using Mirt.Testing.Checkpoints;

namespace Mirt.Graph.Tests.Checkpoints;

/// <summary>Runs the checkpoint conformance suite against <see cref="SqliteCheckpointSaver"/> over a temporary file;
/// "reopening" opens a second saver on the same file while the first stays open, as a restarted or second process would.</summary>
public sealed class SqliteConformanceTests : CheckpointConformance
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mirt-tests", Guid.NewGuid().ToString("N"));

    private string FilePath => Path.Combine(_directory, "checkpoints.db");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    // Two savers on one file collide on SQLite's write lock, and Microsoft.Data.Sqlite waits about 150 ms before it
    // retries a busy BEGIN; 25 rounds prove the fence without spending minutes sleeping. PostgreSQL runs 1,000 rounds.
    protected override int RaceRounds => 25;

    protected override async Task<ICheckpointSaver> CreateSaverAsync() => await OpenAsync();

    protected override async Task<ICheckpointSaver> ReopenAsync() => await OpenAsync();

    protected override async Task<long?> CountStoredValuesAsync(string threadId)
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM checkpoint_blobs WHERE thread_id = $thread;";
        command.Parameters.AddWithValue("$thread", threadId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<SqliteCheckpointSaver> OpenAsync() => SqliteCheckpointSaver.OpenAsync(new SqliteCheckpointOptions { FilePath = FilePath });
}
