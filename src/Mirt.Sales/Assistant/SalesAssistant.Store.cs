using Mirt.Graph.Checkpoints;
using Mirt.Graph.Postgres;
using Mirt.Graph.Sqlite;
using Mirt.Sales.Storage;

namespace Mirt.Sales.Assistant;

/// <content>Opens the checkpoint store the options name: a caller's, in-memory, SQLite or PostgreSQL.</content>
public sealed partial class SalesAssistant
{
    private static async Task<(ICheckpointSaver Saver, string Description, bool Owned)> OpenStoreAsync(SalesAssistantOptions options, CancellationToken cancellationToken)
    {
        if (options.Saver is { } given)
        {
            return (given, $"caller-supplied ({given.GetType().Name})", false);
        }

        if (options.Store == StoreKind.InMemory)
        {
            return (new InMemoryCheckpointSaver(), "in-memory (lost on exit)", true);
        }

        if (options.Store == StoreKind.Postgres)
        {
            return await OpenPostgresAsync(options, cancellationToken).ConfigureAwait(false);
        }

        var file = Path.GetFullPath(Path.Combine(options.DataDirectory, "mirt.db"));
        var saver = await SqliteCheckpointSaver.OpenAsync(new SqliteCheckpointOptions { FilePath = file }, cancellationToken).ConfigureAwait(false);
        return (saver, $"sqlite {file}", true);
    }

    private static async Task<(ICheckpointSaver Saver, string Description, bool Owned)> OpenPostgresAsync(SalesAssistantOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            throw new InvalidOperationException("The PostgreSQL store needs a connection string; set MIRT_POSTGRES (SalesAssistantOptions.PostgresConnectionString).");
        }

        var saver = await PostgresCheckpointSaver.OpenAsync(
            new PostgresCheckpointOptions
            {
                ConnectionString = options.PostgresConnectionString,
                MaxPoolSize = options.PostgresMaxPoolSize,
                PoolerMode = options.PostgresBehindPooler ? PostgresPoolerMode.TransactionPooling : PostgresPoolerMode.None,
                TimeProvider = options.Time,
            },
            options.Logging?.CreateLogger("Mirt.Graph.Postgres"),
            cancellationToken).ConfigureAwait(false);

        // Host, port and database only: the description is logged and served by readiness, so no user or password.
        var address = new Npgsql.NpgsqlConnectionStringBuilder(options.PostgresConnectionString);
        return (saver, $"postgres {address.Host}:{address.Port}/{address.Database}{(options.PostgresBehindPooler ? " (transaction pooler)" : string.Empty)}", true);
    }
}
