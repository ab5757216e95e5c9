using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Mirt.Graph.Postgres;

/// <summary>Holds the validated values of a <see cref="PostgresCheckpointOptions"/> and builds the connection pool from them.</summary>
/// <remarks>A class rather than a record, so no generated <c>ToString</c> prints the connection string's password.</remarks>
internal sealed partial class PostgresSettings
{
    private const string ApplicationName = "Mirt.Graph.Postgres";

    private PostgresSettings(
        string connectionString,
        string schema,
        int statementTimeoutMs,
        int lockTimeoutMs,
        bool perTransactionTimeouts,
        TimeSpan slowOperationThreshold,
        TimeProvider timeProvider)
    {
        ConnectionString = connectionString;
        Schema = schema;
        StatementTimeoutMs = statementTimeoutMs;
        LockTimeoutMs = lockTimeoutMs;
        PerTransactionTimeouts = perTransactionTimeouts;
        SlowOperationThreshold = slowOperationThreshold;
        TimeProvider = timeProvider;
    }

    /// <summary>Gets the connection string the pool uses (the caller's, with the saver's settings applied).</summary>
    public string ConnectionString { get; }

    /// <summary>Gets the schema name, unquoted.</summary>
    public string Schema { get; }

    /// <summary>Gets the statement timeout in milliseconds (0 = none).</summary>
    public int StatementTimeoutMs { get; }

    /// <summary>Gets the lock timeout in milliseconds (0 = none).</summary>
    public int LockTimeoutMs { get; }

    /// <summary>Gets whether the timeouts are set per transaction (transaction pooling) rather than per session.</summary>
    public bool PerTransactionTimeouts { get; }

    /// <summary>Gets the slow-operation threshold (<see cref="Timeout.InfiniteTimeSpan"/>: never).</summary>
    public TimeSpan SlowOperationThreshold { get; }

    /// <summary>Gets the clock that times operations.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the schema name quoted for SQL.</summary>
    public string QuotedSchema => $"\"{Schema}\"";

    /// <summary>Validates options and builds the connection string the pool uses.</summary>
    /// <param name="options">The caller's options; not kept.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentException">The connection string is empty or malformed, or the schema name is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size or duration is out of its documented range.</exception>
    public static PostgresSettings From(PostgresCheckpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("PostgresCheckpointOptions.ConnectionString is empty; set it to the Npgsql connection string of the checkpoint database.", nameof(options));
        }

        if (options.Schema is null || !SchemaName().IsMatch(options.Schema))
        {
            throw new ArgumentException($"PostgresCheckpointOptions.Schema '{options.Schema}' is not a plain identifier; use letters, digits and underscores (at most 63), starting with a letter or underscore.", nameof(options));
        }

        Range(options.MaxPoolSize is >= 1 and <= 1000, options.MaxPoolSize, "MaxPoolSize must be between 1 and 1,000; the default of 8 suits most hosts.");
        Range(options.MinPoolSize >= 0 && options.MinPoolSize <= options.MaxPoolSize, options.MinPoolSize, "MinPoolSize must be between 0 and MaxPoolSize.");
        var statementTimeoutMs = Milliseconds(options.StatementTimeout, "StatementTimeout");
        var lockTimeoutMs = Milliseconds(options.LockTimeout, "LockTimeout");
        Range(options.CommandTimeout >= TimeSpan.FromSeconds(1) && options.CommandTimeout <= TimeSpan.FromHours(1), options.CommandTimeout, "CommandTimeout must be between 1 second and 1 hour.");
        Range(options.SlowOperationThreshold >= TimeSpan.Zero || options.SlowOperationThreshold == Timeout.InfiniteTimeSpan, options.SlowOperationThreshold, "SlowOperationThreshold must not be negative (Timeout.InfiniteTimeSpan turns the warning off).");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"PostgresCheckpointOptions.ConnectionString is not a valid Npgsql connection string: {e.Message}", nameof(options), e);
        }

        var pooled = options.PoolerMode == PostgresPoolerMode.TransactionPooling;
        var prepare = options.UsePreparedStatements ?? !pooled;
        builder.Pooling = true;
        builder.MaxPoolSize = options.MaxPoolSize;
        builder.MinPoolSize = options.MinPoolSize;
        builder.CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        builder.MaxAutoPrepare = prepare ? 32 : 0;
        builder.AutoPrepareMinUsages = 2;
        // The saver never changes session state, so returning a connection needs no DISCARD ALL; behind a
        // transaction pooler a reset would run on whichever server session the pooler picked.
        builder.NoResetOnClose = true;
        builder.Enlist = false;
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = ApplicationName;
        }

        if (!pooled)
        {
            // Session-level limits, sent once in the startup packet: no extra round trip per operation.
            var limits = string.Create(CultureInfo.InvariantCulture, $"-c statement_timeout={statementTimeoutMs} -c lock_timeout={lockTimeoutMs}");
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? limits : $"{builder.Options} {limits}";
        }

        return new PostgresSettings(builder.ConnectionString, options.Schema, statementTimeoutMs, lockTimeoutMs, pooled, options.SlowOperationThreshold, options.TimeProvider);
    }

    /// <summary>Creates the connection pool.</summary>
    /// <returns>The data source; the saver owns and disposes it.</returns>
    public NpgsqlDataSource CreateDataSource() => new NpgsqlDataSourceBuilder(ConnectionString).Build();

    private static int Milliseconds(TimeSpan value, string name)
    {
        Range(value >= TimeSpan.Zero && value <= TimeSpan.FromHours(1), value, $"{name} must be between 0 (no limit) and 1 hour.");
        return (int)Math.Ceiling(value.TotalMilliseconds);
    }

    private static void Range(bool valid, object value, string message, string parameterName = "options")
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"PostgresCheckpointOptions.{message}");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
