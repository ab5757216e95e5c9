namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Gives prompt templates the chosen payment option and its amounts (computed by the rules' payment calculator).
/// </summary>
/// <param name="FullPrepayment">Tells whether the whole amount is paid now (otherwise a prepayment now and cash on delivery).</param>
/// <param name="TotalUah">The goods total, in UAH.</param>
/// <param name="DueNowUah">The amount to transfer now, in UAH.</param>
/// <param name="CashOnDeliveryUah">The amount collected on delivery, in UAH.</param>
/// <param name="CarrierFeeUah">The carrier's cash-on-delivery fee, in UAH.</param>
public sealed record PaymentModel(bool FullPrepayment, decimal TotalUah, decimal DueNowUah, decimal CashOnDeliveryUah, decimal CarrierFeeUah);
