namespace Mirt.Nodes.Payment.Models;

/// <summary>
/// Fills the thanks after proof of payment.
/// </summary>
/// <param name="OrderNumber">A short order number derived from the order key (first 8 characters, upper case).</param>
/// <param name="City">The delivery city.</param>
/// <param name="Branch">The Nova Poshta branch number.</param>
/// <param name="CashOnDeliveryUah">The amount still due at the branch, in UAH (0 for full prepayment).</param>
public sealed record OrderThanksModel(string OrderNumber, string City, string Branch, decimal CashOnDeliveryUah);
