using System.Data.Common;

namespace Mirt.Delivery.Storage;

/// <summary>Sends queued <see cref="DeliveryStatement"/>s: one command at a time, or all as one batch.</summary>
internal static class DeliveryCommands
{
    /// <summary>Runs the statements one after another.</summary>
    /// <returns>A task that completes when they ran.</returns>
    public static async Task RunEachAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<DeliveryStatement> statements, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement.Sql;
            foreach (var (name, value) in statement.Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            if (statement.Read is null)
            {
                statement.RecordsAffected = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var count = 0;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    statement.Read(reader);
                    count++;
                }
            }

            statement.RecordsAffected = count;
        }
    }

    /// <summary>Sends the statements, between an optional first and last parameterless statement, as one batch: one
    /// round trip.</summary>
    /// <returns>A task that completes when they ran.</returns>
    public static async Task RunBatchAsync(DbConnection connection, string? first, IReadOnlyList<DeliveryStatement> statements, string? last, CancellationToken cancellationToken)
    {
        if (first is null && last is null && statements.Count == 0)
        {
            return;
        }

        await using var batch = connection.CreateBatch();
        if (first is not null)
        {
            batch.BatchCommands.Add(Command(batch, first, []));
        }

        var offset = batch.BatchCommands.Count;
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(Command(batch, statement.Sql, statement.Parameters));
        }

        if (last is not null)
        {
            batch.BatchCommands.Add(Command(batch, last, []));
        }

        var counts = new int[statements.Count];
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            // The reader starts on the first result set and moves only between result sets: statements without rows
            // (BEGIN, INSERT, UPDATE) have none and are passed over.
            var started = false;
            for (var i = 0; i < statements.Count; i++)
            {
                if (statements[i].Read is not { } read)
                {
                    continue;
                }

                if (started && !await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"The batch returned fewer result sets than it has queries; statement {i} ('{statements[i].Sql}') got none.");
                }

                started = true;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    read(reader);
                    counts[i]++;
                }
            }

            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
            }
        }

        for (var i = 0; i < statements.Count; i++)
        {
            statements[i].RecordsAffected = statements[i].Read is null ? batch.BatchCommands[offset + i].RecordsAffected : counts[i];
        }
    }

    private static DbBatchCommand Command(DbBatch batch, string sql, (string Name, object? Value)[] parameters)
    {
        var command = batch.CreateBatchCommand();
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
