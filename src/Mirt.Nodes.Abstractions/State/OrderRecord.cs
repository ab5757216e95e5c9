namespace Mirt.Nodes.Abstractions.State;

/// <summary>
/// Records the order created when payment proof arrived; its key makes creation idempotent.
/// </summary>
/// <param name="Key">The idempotency key derived from conversation, items and total (see <c>OrderKey</c>).</param>
/// <param name="Lines">The ordered items.</param>
/// <param name="TotalUah">The order total in UAH.</param>
/// <param name="PaymentMethod">The chosen payment option's wire name.</param>
/// <param name="DueNowUah">The amount the customer was asked to pay now, in UAH.</param>
/// <param name="CreatedAt">When the order was created (UTC).</param>
public sealed record OrderRecord(
    string Key,
    IReadOnlyList<ProductLine> Lines,
    decimal TotalUah,
    string PaymentMethod,
    decimal DueNowUah,
    DateTimeOffset CreatedAt);
