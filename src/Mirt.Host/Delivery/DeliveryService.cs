namespace Mirt.Host.Delivery;

/// <summary>
/// Runs the delivery loops (turns, pushes, follow-ups) for the life of the host and shuts them down in the order that
/// loses nothing: readiness goes false first and stays so for the drain time while the server still answers; then the
/// server stops taking requests and finishes the ones it has; then this service stops claiming turns, lets running
/// turns finish within the budget, and flushes the outbox. Whatever is left is in the store for the next replica.
/// </summary>
internal sealed class DeliveryService : IHostedLifecycleService, IAsyncDisposable
{
    private readonly DeliveryRuntime _runtime;
    private readonly TurnDispatcher _turns;
    private readonly OutboxPusher _pushes;
    private readonly FollowUpScheduler _followUps;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _claiming = new();
    private readonly CancellationTokenSource _pushing = new();
    private Task _turnLoop = Task.CompletedTask;
    private Task _pushLoop = Task.CompletedTask;
    private Task _followUpLoop = Task.CompletedTask;

    /// <summary>Creates the service.</summary>
    /// <param name="runtime">The delivery runtime.</param>
    /// <param name="turns">The turn dispatcher.</param>
    /// <param name="pushes">The outbox pusher.</param>
    /// <param name="followUps">The follow-up scheduler.</param>
    /// <param name="logger">Where start and shutdown are logged.</param>
    public DeliveryService(DeliveryRuntime runtime, TurnDispatcher turns, OutboxPusher pushes, FollowUpScheduler followUps, ILogger logger)
    {
        _runtime = runtime;
        _turns = turns;
        _pushes = pushes;
        _followUps = followUps;
        _logger = logger;
    }

    /// <summary>Gets whether the host is shutting down; readiness reports it.</summary>
    public bool Draining { get; private set; }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = _runtime.Settings;
        var visionMs = settings.VisionBudget(_runtime.CanPush).TotalMilliseconds;
        DeliveryLog.Started(_logger, _runtime.Mode, _runtime.Owner, _runtime.Assistant.StoreDescription, settings.ReplyDeadline.TotalMilliseconds, settings.Debounce.TotalMilliseconds, _runtime.CanPush, visionMs);
        if (_runtime.Settings.Mode == ReplyMode.Hybrid && !_runtime.CanPush)
        {
            DeliveryLog.PushUnavailable(_logger);
        }

        _turnLoop = Task.Run(() => _turns.RunAsync(_claiming.Token), CancellationToken.None);
        _pushLoop = Task.Run(() => _pushes.RunAsync(_pushing.Token), CancellationToken.None);
        _followUpLoop = Task.Run(() => _followUps.RunAsync(_claiming.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Turns readiness false and waits the drain time, before the server stops taking requests.</summary>
    /// <param name="cancellationToken">Ends the wait early (the shutdown budget ran out).</param>
    /// <returns>A task that completes after the drain time.</returns>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        Draining = true;
        DeliveryLog.Draining(_logger, _runtime.Settings.ShutdownDrain.TotalMilliseconds);
        await Task.Delay(_runtime.Settings.ShutdownDrain, _runtime.Time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Stops claiming, waits for running turns, flushes the outbox.</summary>
    /// <param name="cancellationToken">Fires when the shutdown budget runs out.</param>
    /// <returns>A task that completes when delivery stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _claiming.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_turnLoop, _followUpLoop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var (finished, left) = await _turns.DrainAsync(cancellationToken).ConfigureAwait(false);
        await _pushing.CancelAsync().ConfigureAwait(false);
        await _pushLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var flushed = await _pushes.FlushAsync(cancellationToken).ConfigureAwait(false);
        long pushesLeft = -1;
        try
        {
            pushesLeft = (await _runtime.Store.GetBacklogAsync(_runtime.Now, CancellationToken.None).ConfigureAwait(false)).PendingPushes;
        }
#pragma warning disable CA1031 // Only the shutdown line's figure is lost.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        DeliveryLog.ShutdownFinished(_logger, finished, left, flushed, pushesLeft);
    }

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _claiming.Dispose();
        _pushing.Dispose();
        _turns.Dispose();
        return ValueTask.CompletedTask;
    }
}
