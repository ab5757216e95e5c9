namespace Mirt.Delivery;

/// <summary>
/// Hands the due pushes of one subscriber to one owner.
/// </summary>
/// <param name="SubscriberId">The customer.</param>
/// <param name="Due">The rows to push now, in push order (row id).</param>
/// <param name="Abandoned">Rows a previous owner left in <see cref="OutboxState.Sending"/> when its lease ran out; the
/// claim moved them to <see cref="OutboxState.Uncertain"/> so they are reported, never resent.</param>
public sealed record PushClaim(string SubscriberId, IReadOnlyList<OutboxItem> Due, IReadOnlyList<OutboxItem> Abandoned);
