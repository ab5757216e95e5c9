namespace Mirt.Graph.Execution;

/// <summary>
/// Configures a <see cref="GraphRunner"/>.
/// </summary>
public sealed class GraphRunnerOptions
{
    /// <summary>Gets the most node steps one turn may take before it is stopped as a loop (at least 1).</summary>
    /// <value>The default is 25 steps.</value>
    public int MaxStepsPerTurn { get; init; } = 25;

    /// <summary>Gets how many times <see cref="GraphRunner.RunTurnAsync"/> reloads the thread and tries again when the
    /// turn's first put (its input checkpoint) loses a race to another replica; 0 never retries. A conflict later in
    /// the turn is not retried, because nodes have run: it surfaces as
    /// <see cref="Checkpoints.CheckpointConflictException"/>.</summary>
    /// <value>The default is 3 retries (up to 4 attempts).</value>
    public int TurnConflictRetries { get; init; } = 3;

    /// <summary>Gets when node steps' checkpoints are written: one commit per step, or one per turn (see
    /// <see cref="CheckpointDurability"/> for what each keeps after a crash).</summary>
    /// <value>The default is <see cref="CheckpointDurability.Step"/>.</value>
    public CheckpointDurability Durability { get; init; } = CheckpointDurability.Step;

    /// <summary>Gets how many threads' latest checkpoints (with their decoded state) the runner keeps in memory, so the
    /// next turn of a recently active thread starts without reading its head from the store. The cache is only a hint:
    /// a turn's first put is fenced on the cached checkpoint, and a thread another writer moved on is reloaded. Memory
    /// grows with the threads kept times their state size; 0 turns the cache off.</summary>
    /// <value>The default is 0 (off): every turn reads the thread's head.</value>
    public int LatestCacheSize { get; init; }

    /// <summary>Gets the clock for checkpoint times, node durations, retry waits and timeouts.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Gets the generator of checkpoint ids; <see langword="null"/> uses a sortable generator over <see cref="Time"/>.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Time.IIdGenerator? Ids { get; init; }

    /// <summary>Gets the services nodes may resolve through <see cref="NodeContext.Services"/>.</summary>
    /// <value>The default is <see langword="null"/>, an empty provider.</value>
    public IServiceProvider? Services { get; init; }

    /// <summary>Gets the logger factory the runner writes its <c>agent_step</c> lines through (category
    /// <c>Mirt.Graph.GraphRunner</c>); <see langword="null"/> for none.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Microsoft.Extensions.Logging.ILoggerFactory? Logging { get; init; }
}
