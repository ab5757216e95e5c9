using System.Data.Common;
using System.Globalization;

namespace Mirt.Delivery.Storage;

/// <summary>Runs the statements of one store call on one connection, inside one transaction when it writes.</summary>
/// <remarks>Parameters are named <c>@name</c>, which both Npgsql and Microsoft.Data.Sqlite bind.</remarks>
internal sealed class DeliverySession : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly Func<ValueTask> _release;

    /// <summary>Initializes a session.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The transaction every command joins, or <see langword="null"/> for a read.</param>
    /// <param name="release">Gives the connection back (closes it, or frees the write gate) when the session ends.</param>
    public DeliverySession(DbConnection connection, DbTransaction? transaction, Func<ValueTask> release)
    {
        _connection = connection;
        _transaction = transaction;
        _release = release;
    }

    /// <summary>Runs a statement.</summary>
    /// <returns>The number of rows it changed.</returns>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a query and reads the first column of its first row as a 64-bit integer.</summary>
    /// <returns>The value, or <see langword="null"/> when there is no row or the value is NULL.</returns>
    public async Task<long?> Int64Async(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query and maps every row.</summary>
    /// <returns>The rows, in the order the query returned them.</returns>
    public async Task<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Commits the transaction (nothing for a read). Not cancellable: once the work is complete it is kept.</summary>
    /// <returns>A task that completes when committed.</returns>
    public async Task CommitAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Rolls back an uncommitted transaction and gives the connection back.</summary>
    /// <returns>A task that completes when released.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await _release().ConfigureAwait(false);
        }
    }

    private DbCommand Create(string sql, (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
