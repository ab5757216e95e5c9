using Npgsql;

namespace Mirt.Graph.Postgres.Tests;

/// <summary>Reads and resets the saver's tables directly, for setup and for assertions a saver cannot make.</summary>
internal static class PostgresTables
{
    /// <summary>Deletes every row of the saver's tables in schema <c>mirt</c> (cheaper than a fresh database per test).</summary>
    public static Task EmptyAsync(string connectionString, string schema = "mirt") => ExecuteAsync(
        connectionString,
        $"DELETE FROM {schema}.checkpoint_writes; DELETE FROM {schema}.checkpoint_blobs; DELETE FROM {schema}.checkpoints; DELETE FROM {schema}.checkpoint_heads;");

    /// <summary>Counts the stored channel values of a thread.</summary>
    public static Task<long> CountBlobsAsync(string connectionString, string threadId, string schema = "mirt") =>
        ScalarAsync<long>(connectionString, $"SELECT count(*) FROM {schema}.checkpoint_blobs WHERE thread_id = @thread", ("thread", threadId));

    /// <summary>Runs one statement.</summary>
    public static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one query and returns its single value.</summary>
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
