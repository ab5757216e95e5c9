using System.Data.Common;

namespace Mirt.Delivery.Storage;

/// <summary>Holds one statement queued on a <see cref="DeliverySession"/> and, once it ran, how many rows it changed.</summary>
internal sealed class DeliveryStatement
{
    /// <summary>Initializes a statement.</summary>
    /// <param name="sql">The SQL, with <c>@name</c> parameters.</param>
    /// <param name="parameters">The parameter values; <see langword="null"/> binds SQL NULL.</param>
    /// <param name="read">Reads each row of the statement's result set; <see langword="null"/> for a statement that
    /// returns none (every SELECT or RETURNING needs one, so that results line up with statements in a batch).</param>
    public DeliveryStatement(string sql, (string Name, object? Value)[] parameters, Action<DbDataReader>? read)
    {
        Sql = sql;
        Parameters = parameters;
        Read = read;
    }

    /// <summary>Gets the SQL.</summary>
    public string Sql { get; }

    /// <summary>Gets the parameter values.</summary>
    public (string Name, object? Value)[] Parameters { get; }

    /// <summary>Gets the row reader, or <see langword="null"/> when the statement returns no rows.</summary>
    public Action<DbDataReader>? Read { get; }

    /// <summary>Gets the number of rows the statement changed (or returned); -1 until it ran.</summary>
    public int RecordsAffected { get; internal set; } = -1;
}
