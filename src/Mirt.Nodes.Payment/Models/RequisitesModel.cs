namespace Mirt.Nodes.Payment.Models;

/// <summary>
/// Fills the requisites and the proof reminder with the shop's account and the exact amounts.
/// </summary>
/// <param name="Recipient">The account holder (shop profile).</param>
/// <param name="Iban">The IBAN (shop profile).</param>
/// <param name="TaxId">The recipient's tax id (shop profile).</param>
/// <param name="Bank">The bank (shop profile).</param>
/// <param name="Purpose">The purpose of payment (shop profile).</param>
/// <param name="IsFullPrepayment">Tells whether the whole order is paid now.</param>
/// <param name="DueNowUah">The amount to transfer now, in UAH.</param>
/// <param name="CashOnDeliveryUah">The amount paid at the branch, in UAH (0 for full prepayment).</param>
/// <param name="CarrierFeeUah">The carrier's fee for cash on delivery, in UAH (0 for full prepayment).</param>
public sealed record RequisitesModel(
    string Recipient,
    string Iban,
    string TaxId,
    string Bank,
    string Purpose,
    bool IsFullPrepayment,
    decimal DueNowUah,
    decimal CashOnDeliveryUah,
    decimal CarrierFeeUah);
