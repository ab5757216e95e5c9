namespace Mirt.Rules.Shop;

/// <summary>
/// Holds the shop's bank requisites sent to the customer as separate bubbles with the exact amount due
/// (see <c>shared/DOMAIN.md</c>, Payment; the values live in <c>Data/shop.json</c>).
/// </summary>
/// <param name="Recipient">The account holder's name.</param>
/// <param name="Iban">The Ukrainian IBAN, 29 characters starting with <c>UA</c>, checksum-valid.</param>
/// <param name="TaxId">The recipient's tax id (EDRPOU, 8 digits, or RNOKPP, 10 digits).</param>
/// <param name="Bank">The bank's name.</param>
/// <param name="PaymentPurpose">The purpose-of-payment text the customer copies into the transfer.</param>
public sealed record PaymentRequisites(string Recipient, string Iban, string TaxId, string Bank, string PaymentPurpose);
