using Microsoft.Data.Sqlite;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Sqlite;

namespace Mirt.Graph.Tests.Checkpoints;

/// <summary>Covers what only the SQLite store has: the file, WAL, schema migrations, readers beside a writer, and
/// disposal. The shared contract runs in <see cref="SqliteConformanceTests"/>.</summary>
public sealed class SqliteCheckpointSaverTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mirt-tests", Guid.NewGuid().ToString("N"));
    private SqliteCheckpointSaver? _saver;

    private string FilePath => Path.Combine(_directory, "checkpoints.db");

    private SqliteCheckpointSaver Saver => _saver ?? throw new InvalidOperationException("The saver is opened in InitializeAsync.");

    public async Task InitializeAsync() => _saver = await SqliteCheckpointSaver.OpenAsync(new SqliteCheckpointOptions { FilePath = FilePath });

    public async Task DisposeAsync()
    {
        await Saver.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task OpenAsync_ReopenedAfterDispose_ReadsWhatTheFirstInstanceWrote()
    {
        var path = Path.Combine(_directory, "durable", "reopen.db");
        await using (var first = await SqliteCheckpointSaver.OpenAsync(new SqliteCheckpointOptions { FilePath = path }))
        {
            await first.PutAsync(new CheckpointConfig("t1"), NewCheckpoint("01", 0, ("messages", 1, "[\"hi\"]"), ("phase", 1, "\"greeting\"")), Metadata(0));
            await first.PutAsync(new CheckpointConfig("t1", CheckpointId: "01"), NewCheckpoint("02", 1, ("messages", 1, "[\"hi\"]"), ("phase", 2, "\"offer\"")), Metadata(1));
        }

        await using var second = await SqliteCheckpointSaver.OpenAsync(new SqliteCheckpointOptions { FilePath = path });
        var tuple = await second.GetTupleAsync(new CheckpointConfig("t1"));

        tuple!.Checkpoint.Id.Should().Be("02");
        tuple.Checkpoint.ChannelValues.Should().Equal(new Dictionary<string, string> { ["messages"] = "[\"hi\"]", ["phase"] = "\"offer\"" });
        tuple.ParentConfig.Should().Be(new CheckpointConfig("t1", "", "01"));
        (await CountRowsAsync(path, "SELECT COUNT(*) FROM schema_version;")).Should().Be(await CountRowsAsync(path, "SELECT MAX(version) FROM schema_version;"), "each migration is recorded once");
    }

    [Fact]
    public async Task OpenAsync_TwoInstancesOpenNewFileConcurrently_BothSucceedAndMigrateOnce()
    {
        var path = Path.Combine(_directory, "concurrent", "shared.db");
        var options = new SqliteCheckpointOptions { FilePath = path };

        var savers = await Task.WhenAll(
            Task.Run(() => SqliteCheckpointSaver.OpenAsync(options)),
            Task.Run(() => SqliteCheckpointSaver.OpenAsync(options)));
        try
        {
            await savers[0].PutAsync(new CheckpointConfig("t1"), NewCheckpoint("01", 0, ("a", 1, "1")), Metadata(0));
            await savers[1].PutAsync(new CheckpointConfig("t2"), NewCheckpoint("01", 0, ("a", 1, "2")), Metadata(0));

            (await savers[1].GetTupleAsync(new CheckpointConfig("t1")))!.Checkpoint.ChannelValues["a"].Should().Be("1");
            (await savers[0].GetTupleAsync(new CheckpointConfig("t2")))!.Checkpoint.ChannelValues["a"].Should().Be("2");
            (await CountRowsAsync(path, "SELECT COUNT(*) FROM schema_version;")).Should().Be(await CountRowsAsync(path, "SELECT MAX(version) FROM schema_version;"), "each migration is recorded once");
        }
        finally
        {
            await savers[0].DisposeAsync();
            await savers[1].DisposeAsync();
        }
    }

    [Fact]
    public async Task OpenAsync_NewFile_UsesWalAndCreatesTheTables()
    {
        (await ScalarAsync(FilePath, "PRAGMA journal_mode;")).Should().Be("wal");
        (await CountRowsAsync(FilePath, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_version', 'checkpoints', 'checkpoint_blobs', 'checkpoint_writes');"))
            .Should().Be(4);
        Saver.FilePath.Should().Be(Path.GetFullPath(FilePath));
    }

    [Fact]
    public async Task OpenAsync_EmptyFilePath_ThrowsNamingTheOption()
    {
        var act = () => SqliteCheckpointSaver.OpenAsync(new SqliteCheckpointOptions());

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("SqliteCheckpointOptions.FilePath is empty*");
    }

    [Fact]
    public async Task OpenAsync_NegativeBusyTimeout_Throws()
    {
        var act = () => SqliteCheckpointSaver.OpenAsync(new SqliteCheckpointOptions { FilePath = FilePath, BusyTimeout = TimeSpan.FromSeconds(-1) });

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task OpenAsync_FileWithNewerSchema_ThrowsNamingTheVersions()
    {
        await ExecuteAsync(FilePath, "INSERT INTO schema_version (version) VALUES (99);");

        var act = () => SqliteCheckpointSaver.OpenAsync(new SqliteCheckpointOptions { FilePath = FilePath });

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*has schema version 99, but this build of Mirt.Graph.Sqlite knows only up to *");
    }

    [Fact]
    public async Task OpenAsync_FileWrittenBySchemaVersion1_MigratesItsMetadataAndKeepsItsConversations()
    {
        var file = Path.Combine(_directory, "v1.db");
        await ExecuteAsync(file, """
            CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT 'then');
            INSERT INTO schema_version (version) VALUES (1);
            CREATE TABLE checkpoints (thread_id TEXT NOT NULL, ns TEXT NOT NULL, checkpoint_id TEXT NOT NULL, parent_id TEXT NULL,
                step INTEGER NOT NULL, created_at TEXT NOT NULL, next_json TEXT NOT NULL, graph_version INTEGER NOT NULL,
                versions_json TEXT NOT NULL, metadata_json TEXT NOT NULL, PRIMARY KEY (thread_id, ns, checkpoint_id));
            CREATE TABLE checkpoint_blobs (thread_id TEXT NOT NULL, ns TEXT NOT NULL, channel TEXT NOT NULL, version INTEGER NOT NULL,
                value_json TEXT NULL, PRIMARY KEY (thread_id, ns, channel, version));
            INSERT INTO checkpoints VALUES ('t1', '', '01', NULL, 0, '2025-03-14T09:26:53.0000000+00:00', '["intent"]', 1,
                '{"phase":1}', '{"source":"loop","step":0,"node":"offer","extra":{"sender":"customer"}}');
            INSERT INTO checkpoint_blobs VALUES ('t1', '', 'phase', 1, '"offer"');
            """);

        await using var saver = await SqliteCheckpointSaver.OpenAsync(new SqliteCheckpointOptions { FilePath = file });

        var tuple = await saver.GetTupleAsync(new CheckpointConfig("t1"));
        tuple!.Metadata.Should().BeEquivalentTo(new CheckpointMetadata("loop", 0, "offer", new Dictionary<string, string> { ["sender"] = "customer" }));
        tuple.Checkpoint.ChannelValues.Should().Equal(new Dictionary<string, string> { ["phase"] = "\"offer\"" });
        tuple.Checkpoint.Next.Should().Equal("intent");
        var filtered = await saver.ListAsync(new CheckpointQuery { Filter = new Dictionary<string, string> { ["sender"] = "customer", ["step"] = "0" } }).ToListAsync();
        filtered.Should().ContainSingle();
    }

    [Fact]
    public async Task GetTupleAsync_WhileAnotherConnectionHoldsTheWriteLock_DoesNotWait()
    {
        await Saver.PutAsync(new CheckpointConfig("t1"), NewCheckpoint("01", 0, ("a", 1, "1")), Metadata(0));
        await using var blocker = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await blocker.OpenAsync();
        using var lockHolder = blocker.BeginTransaction(deferred: false);
        using (var write = blocker.CreateCommand())
        {
            write.Transaction = lockHolder;
            write.CommandText = "DELETE FROM checkpoints;";
            await write.ExecuteNonQueryAsync();
        }

        var read = Saver.GetTupleAsync(new CheckpointConfig("t1"));
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(2)));

        finished.Should().BeSameAs(read, "under WAL a reader sees the last commit without waiting for the writer");
        (await read)!.Checkpoint.Id.Should().Be("01");
    }

    [Fact]
    public async Task Methods_AfterDispose_ThrowObjectDisposedException()
    {
        var saver = Saver;
        await saver.DisposeAsync();
        await saver.DisposeAsync();

        var get = () => saver.GetTupleAsync(new CheckpointConfig("t1"));
        var put = () => saver.PutAsync(new CheckpointConfig("t1"), NewCheckpoint("01", 0), Metadata(0));

        await get.Should().ThrowAsync<ObjectDisposedException>();
        await put.Should().ThrowAsync<ObjectDisposedException>();
    }

    private static Checkpoint NewCheckpoint(string id, int step, params (string Channel, long Version, string Value)[] channels) =>
        new(id, step, Start.AddSeconds(step), channels.ToDictionary(c => c.Channel, c => c.Value), channels.ToDictionary(c => c.Channel, c => c.Version), [], 1);

    private static CheckpointMetadata Metadata(int step) => new(CheckpointMetadata.LoopSource, step, "node", new Dictionary<string, string>());

    private static async Task<long> CountRowsAsync(string path, string sql) => Convert.ToInt64(await ScalarAsync(path, sql));

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
