using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Mirt.Delivery.Storage;
using Npgsql;

namespace Mirt.Delivery.Postgres;

/// <summary>
/// Runs the delivery store on PostgreSQL: each call takes a pooled connection; a write runs in one READ COMMITTED
/// transaction (its statements sent in as few batches as the logic allows) that locks the subscriber's conversation row with <c>SELECT … FOR UPDATE</c>.
/// </summary>
/// <remarks>No lock in the process and no session state (no advisory session locks, no <c>SET</c>): replicas
/// cooperate only through row locks, and the store also works behind a transaction-mode pooler.</remarks>
internal sealed partial class PostgresDeliveryDatabase : DeliveryDatabase
{
    private const string ApplicationName = "Mirt.Delivery";

    private readonly NpgsqlDataSource _dataSource;

    private PostgresDeliveryDatabase(NpgsqlDataSource dataSource, string quotedSchema)
        : base("postgres", tablePrefix: quotedSchema + ".", forUpdate: " FOR UPDATE")
    {
        _dataSource = dataSource;
    }

    /// <summary>Validates the options, builds the pool and migrates.</summary>
    /// <param name="options">The caller's options; not kept.</param>
    /// <param name="logger">Receives the migration event.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open database.</returns>
    public static async Task<PostgresDeliveryDatabase> OpenAsync(DeliveryPostgresOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var connectionString = BuildConnectionString(options);
        var quotedSchema = $"\"{options.Schema}\"";
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        try
        {
            var (from, to) = await PostgresDeliverySchema.MigrateAsync(dataSource, quotedSchema, cancellationToken).ConfigureAwait(false);
            if (from != to)
            {
                DeliveryLog.SchemaMigrated(logger, "postgres", from, to);
            }

            return new PostgresDeliveryDatabase(dataSource, quotedSchema);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public override async Task<DeliverySession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        // The transaction is BEGIN and COMMIT statements inside the session's batches, so it costs no round trip.
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return new DeliverySession(connection, null, connection.DisposeAsync, batchedWrite: true);
    }

    /// <inheritdoc />
    public override async Task<DeliverySession> BeginReadAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return new DeliverySession(connection, null, connection.DisposeAsync);
    }

    /// <inheritdoc />
    public override bool IsConnectionFailure(DbException exception) => exception is NpgsqlException { IsTransient: true } and not PostgresException;

    /// <summary>Empties the pool: after a server restart or failover every idle pooled connection is dead too.</summary>
    public override void OnConnectionFailure() => _dataSource.Clear();

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static string BuildConnectionString(DeliveryPostgresOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("DeliveryPostgresOptions.ConnectionString is empty; set it to the Npgsql connection string of the database that holds the checkpoints.", nameof(options));
        }

        if (options.Schema is null || !SchemaName().IsMatch(options.Schema))
        {
            throw new ArgumentException($"DeliveryPostgresOptions.Schema '{options.Schema}' is not a plain identifier; use letters, digits and underscores (at most 63), starting with a letter or underscore.", nameof(options));
        }

        if (options.MaxPoolSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxPoolSize, "DeliveryPostgresOptions.MaxPoolSize must be between 1 and 1,000; the default of 8 suits most hosts.");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"DeliveryPostgresOptions.ConnectionString is not a valid Npgsql connection string: {e.Message}", nameof(options), e);
        }

        builder.Pooling = true;
        builder.MaxPoolSize = options.MaxPoolSize;
        builder.Enlist = false;

        // The store sets no session state, so returning a connection to the pool needs no reset round trip.
        builder.NoResetOnClose = true;
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = ApplicationName;
        }

        return builder.ConnectionString;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
