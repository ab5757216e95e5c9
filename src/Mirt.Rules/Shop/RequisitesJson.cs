namespace Mirt.Rules.Shop;

/// <summary>
/// Mirrors <c>requisites</c> in <c>Data/shop.json</c>.
/// </summary>
internal sealed record RequisitesJson(string? Recipient, string? Iban, string? TaxId, string? Bank, string? PaymentPurpose);
