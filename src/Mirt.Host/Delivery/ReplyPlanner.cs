using Mirt.Delivery;

namespace Mirt.Host.Delivery;

/// <summary>
/// Turns a finished turn's bubbles into outbox rows: one row per bubble (pushed one by one), keyed by turn and bubble
/// index so a resumed turn or a second replica inserts nothing new, with the time until which the waiting webhook may
/// still answer them inline.
/// </summary>
internal static class ReplyPlanner
{
    /// <summary>Plans the reply rows of a turn.</summary>
    /// <param name="runtime">The delivery runtime (mode, deadlines, clock).</param>
    /// <param name="claim">The claimed turn.</param>
    /// <param name="bubbles">The reply bubbles, each within the byte limit.</param>
    /// <returns>The rows; none when the turn said nothing.</returns>
    public static IReadOnlyList<OutboxDraft> Plan(DeliveryRuntime runtime, TurnClaim claim, IReadOnlyList<string> bubbles)
    {
        var now = runtime.Now;
        DateTimeOffset? inlineUntil = runtime.Mode switch
        {
            ReplyMode.Push => null,
            ReplyMode.Response => claim.LastAcceptedAt + runtime.Settings.ResponseWait,
            _ => claim.LastAcceptedAt + runtime.Settings.DeadlineFor(MessageMerger.HasPhoto(claim)),
        };
        return [.. bubbles.Select((text, index) => new OutboxDraft(
            $"{claim.TurnId}:{OutboxKind.Reply}:{index}", claim.SubscriberId, claim.TurnId, OutboxKind.Reply, index, OutboxContent.ForBubble(text), now, inlineUntil))];
    }

    /// <summary>Plans the interim bubble of a slow turn: pushed at once, at most once per turn.</summary>
    /// <param name="runtime">The delivery runtime.</param>
    /// <param name="claim">The claimed turn.</param>
    /// <param name="text">The interim text.</param>
    /// <returns>The row.</returns>
    public static OutboxDraft Interim(DeliveryRuntime runtime, TurnClaim claim, string text) =>
        new($"{claim.TurnId}:{OutboxKind.Interim}", claim.SubscriberId, claim.TurnId, OutboxKind.Interim, 0, OutboxContent.ForBubble(text), runtime.Now, null);
}
