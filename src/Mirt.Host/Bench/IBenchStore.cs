using Mirt.Graph.Checkpoints;

namespace Mirt.Host.Bench;

/// <summary>
/// The checkpoint store a bench run drives, with the probes that measure it from outside the assistant: the raw
/// insert-and-commit floor, write-ahead-log and size snapshots, and the server's transaction count.
/// </summary>
internal interface IBenchStore : IAsyncDisposable
{
    /// <summary>Gets <c>postgres</c> or <c>sqlite</c>.</summary>
    string Kind { get; }

    /// <summary>Gets the store the assistant writes to (opened with the options <c>serve</c> would use).</summary>
    ICheckpointSaver Saver { get; }

    /// <summary>Gets the most connections the store's pool opens (PostgreSQL), or 1 (SQLite's single writer).</summary>
    int PoolSize { get; }

    /// <summary>Runs single-row INSERT + COMMIT round trips on a table of their own, with the store's durability.</summary>
    /// <param name="iterations">How many to time (a few more run first, untimed).</param>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    /// <returns>The duration of each timed round trip, in ms.</returns>
    Task<double[]> MeasureFloorAsync(int iterations, CancellationToken cancellationToken);

    /// <summary>Reads the bytes written so far and the store's size (see <see cref="StoreSnapshot"/>).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot.</returns>
    Task<StoreSnapshot> SnapshotAsync(CancellationToken cancellationToken);

    /// <summary>Reads the database's committed plus rolled-back transactions (<c>pg_stat_database</c>), not counting the
    /// probe's own statements. A session sends its counts to the server's statistics when it exits, or up to 10 s after
    /// it goes idle, so this closes the probe's connections, waits <paramref name="quiet"/> for the store's idle
    /// sessions, then reads until two readings agree.</summary>
    /// <param name="quiet">How long to wait first: over 10 s while the store's pool is open, zero after
    /// <see cref="CloseSaverAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The count, or <see langword="null"/> for SQLite.</returns>
    Task<long?> SettledTransactionsAsync(TimeSpan quiet, CancellationToken cancellationToken);

    /// <summary>Closes the store's connections (its sessions exit and report their statistics); call it once the host
    /// has stopped. Disposing the bench store afterwards is still required.</summary>
    /// <returns>A task that completes when the connections are closed.</returns>
    ValueTask CloseSaverAsync();

    /// <summary>Opens the delivery inbox and outbox on the same database as <see cref="Saver"/>, as <c>serve</c> does.</summary>
    /// <param name="logging">Where the store logs.</param>
    /// <returns>The store; the caller disposes it.</returns>
    Task<Mirt.Delivery.IDeliveryStore> OpenDeliveryAsync(ILoggerFactory logging);
}
