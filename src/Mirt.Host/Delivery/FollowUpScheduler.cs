using Mirt.Delivery;
using Mirt.Host.Web;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Sales.Delivery;

namespace Mirt.Host.Delivery;

/// <summary>
/// Nudges silent customers once per conversation state: in the configured states, silent for the configured time, and
/// only while Instagram's 24 h window is open with a safety margin (the old bot ignored the window; DOMAIN.md). The
/// outbox key <c>followup:{subscriber}:{state}</c> makes "once" hold across replicas and restarts.
/// </summary>
internal sealed class FollowUpScheduler
{
    private const int Batch = 50;

    private readonly DeliveryRuntime _runtime;
    private readonly ILogger _logger;

    /// <summary>Creates the scheduler.</summary>
    /// <param name="runtime">The delivery runtime.</param>
    /// <param name="logger">Where follow-ups are logged.</param>
    public FollowUpScheduler(DeliveryRuntime runtime, ILogger logger)
    {
        _runtime = runtime;
        _logger = logger;
    }

    /// <summary>Scans every <see cref="DeliverySettings.FollowUpScan"/> until <paramref name="stopping"/>; does nothing
    /// without push (a follow-up can only be pushed) or without follow-up states.</summary>
    /// <param name="stopping">Stops the loop.</param>
    /// <returns>A task that completes when the loop stopped.</returns>
    public async Task RunAsync(CancellationToken stopping)
    {
        if (!_runtime.CanPush || _runtime.Settings.FollowUpStates.Count == 0)
        {
            return;
        }

        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await QueueDueAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The next scan tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                DeliveryLog.LoopFailed(_logger, "followups", _runtime.Settings.FollowUpScan.TotalMilliseconds, PiiMasker.Mask(ex.Message));
            }

            await Task.Delay(_runtime.Settings.FollowUpScan, _runtime.Time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Queues the follow-ups due now.</summary>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>How many were queued.</returns>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        var settings = _runtime.Settings;
        var now = _runtime.Now;
        var candidates = await _runtime.Store.FindFollowUpCandidatesAsync(
            settings.FollowUpStates, now - settings.FollowUpAfter, now - (DeliverySettings.MessagingWindow - settings.FollowUpMargin), Batch, cancellationToken).ConfigureAwait(false);
        var queued = 0;
        foreach (var candidate in candidates)
        {
            if (DeliveryTemplates.FollowUpFor(candidate.State) is not { } template)
            {
                continue;
            }

            var text = _runtime.Assistant.PromptRenderer.Render(template, NoModel.Instance);
            var draft = new OutboxDraft($"followup:{candidate.SubscriberId}:{candidate.State}", candidate.SubscriberId, null, OutboxKind.FollowUp, 0, OutboxContent.ForBubble(text), now, null);
            if (await _runtime.Store.EnqueueAsync(draft, now, cancellationToken).ConfigureAwait(false))
            {
                queued++;
                var silentMinutes = Math.Round((now - candidate.LastCustomerAt).TotalMinutes, 1);
                DeliveryLog.FollowUpQueued(_logger, candidate.SubscriberId, candidate.State, silentMinutes);
            }
        }

        if (queued > 0)
        {
            _runtime.PushWake.Wake();
        }

        return queued;
    }
}
