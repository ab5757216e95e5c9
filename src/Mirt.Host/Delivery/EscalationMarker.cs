using Mirt.Host.ManyChat;

namespace Mirt.Host.Delivery;

/// <summary>
/// Marks escalated conversations in ManyChat so a human sees them: the handoff tag (only when a human must take over)
/// and the state and intent custom fields. Marks go through the API, not as actions inside pushed content, which
/// Instagram may refuse (MANYCHAT.md). Without an API key the escalation is only logged and stored.
/// </summary>
internal sealed class EscalationMarker
{
    private readonly DeliveryRuntime _runtime;
    private readonly ILogger _logger;

    /// <summary>Creates the marker.</summary>
    /// <param name="runtime">The delivery runtime (client, settings).</param>
    /// <param name="logger">Where failures are logged.</param>
    public EscalationMarker(DeliveryRuntime runtime, ILogger logger)
    {
        _runtime = runtime;
        _logger = logger;
    }

    /// <summary>Sets the fields and, for a handoff, the tag. Never throws: a failed mark is logged.</summary>
    /// <param name="subscriberId">The customer.</param>
    /// <param name="state">The conversation state.</param>
    /// <param name="intent">The intent.</param>
    /// <param name="handoff">Whether a human must take over (adds the tag).</param>
    /// <returns>A task that completes when the calls ended.</returns>
    public async Task MarkAsync(string subscriberId, string state, string intent, bool handoff)
    {
        if (_runtime.Client is not { } client)
        {
            return;
        }

        var (stateField, intentField) = _runtime.Settings.HandoffFields;
        if (handoff)
        {
            Report(subscriberId, "tag " + _runtime.Settings.HandoffTag, await Safely(() => client.AddTagByNameAsync(subscriberId, _runtime.Settings.HandoffTag)).ConfigureAwait(false));
        }

        Report(subscriberId, "field " + stateField, await Safely(() => client.SetCustomFieldByNameAsync(subscriberId, stateField, state)).ConfigureAwait(false));
        Report(subscriberId, "field " + intentField, await Safely(() => client.SetCustomFieldByNameAsync(subscriberId, intentField, intent)).ConfigureAwait(false));
    }

    /// <summary>Adds only the handoff tag (a reply could not be delivered; a human must reach the customer). Never throws.</summary>
    /// <param name="subscriberId">The customer.</param>
    /// <returns>A task that completes when the call ended.</returns>
    public async Task TagForHumanAsync(string subscriberId)
    {
        if (_runtime.Client is { } client)
        {
            Report(subscriberId, "tag " + _runtime.Settings.HandoffTag, await Safely(() => client.AddTagByNameAsync(subscriberId, _runtime.Settings.HandoffTag)).ConfigureAwait(false));
        }
    }

    /// <summary>Removes the handoff tag after a human released the conversation. Never throws.</summary>
    /// <param name="subscriberId">The customer.</param>
    /// <returns>A task that completes when the call ended.</returns>
    public async Task UnmarkAsync(string subscriberId)
    {
        if (_runtime.Client is { } client)
        {
            Report(subscriberId, "untag " + _runtime.Settings.HandoffTag, await Safely(() => client.RemoveTagByNameAsync(subscriberId, _runtime.Settings.HandoffTag)).ConfigureAwait(false));
        }
    }

    private static async Task<ManyChatResult> Safely(Func<Task<ManyChatResult>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A mark is best effort: the escalation is already logged and stored.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new ManyChatResult(ManyChatOutcome.Transient, Error: ex.GetType().Name);
        }
    }

    private void Report(string subscriberId, string what, ManyChatResult result)
    {
        if (!result.IsSuccess)
        {
            DeliveryLog.TaggingFailed(_logger, subscriberId, what, $"{result.Outcome} {result.Code} {result.Error}".Trim());
        }
    }
}
