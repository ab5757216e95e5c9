namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Gives prompt templates the conversation's order.
/// </summary>
/// <param name="Number">The order number the customer sees (the first eight characters of its key, upper-case).</param>
/// <param name="TotalUah">The order total, in UAH.</param>
/// <param name="DueNowUah">The amount the customer was asked to pay now, in UAH.</param>
public sealed record OrderModel(string Number, decimal TotalUah, decimal DueNowUah);
