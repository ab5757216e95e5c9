using Npgsql;

namespace Mirt.Graph.Postgres;

/// <summary>Builds batch commands fluently: <c>batch.Add(sql).With("thread", id)</c>.</summary>
internal static class NpgsqlBatchExtensions
{
    /// <summary>Appends a command to a batch.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="sql">The statement.</param>
    /// <returns>The command, for its parameters.</returns>
    public static NpgsqlBatchCommand Add(this NpgsqlBatch batch, string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        batch.BatchCommands.Add(command);
        return command;
    }

    /// <summary>Adds a typed parameter; a <see langword="null"/> value is sent as SQL NULL.</summary>
    /// <typeparam name="T">The .NET type, which picks the PostgreSQL type (string: text, long[]: bigint[], …).</typeparam>
    /// <param name="command">The command.</param>
    /// <param name="name">The parameter name, without <c>@</c>.</param>
    /// <param name="value">The value.</param>
    /// <returns>The command.</returns>
    public static NpgsqlBatchCommand With<T>(this NpgsqlBatchCommand command, string name, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T>(name, value));
        return command;
    }
}
