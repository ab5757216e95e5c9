namespace Mirt.Rules.Shop;

/// <summary>
/// Breaks an order total down by payment option (see <c>shared/DOMAIN.md</c>, Payment). All amounts are UAH.
/// </summary>
/// <param name="DueNowUah">The amount to transfer to the shop now; the requisites bubbles state exactly this amount.</param>
/// <param name="CashOnDeliveryUah">The amount the carrier collects for the shop on delivery; 0 for full prepayment.</param>
/// <param name="CarrierFeeUah">The carrier's own cash-on-delivery fee, paid to the carrier on top; 0 for full prepayment.</param>
/// <param name="TotalUah">The order total for the goods, equal to <paramref name="DueNowUah"/> + <paramref name="CashOnDeliveryUah"/>.</param>
public sealed record PaymentQuote(decimal DueNowUah, decimal CashOnDeliveryUah, decimal CarrierFeeUah, decimal TotalUah)
{
    /// <summary>Gets everything the customer pays in UAH: the goods total plus the carrier fee.</summary>
    public decimal CustomerPaysUah => TotalUah + CarrierFeeUah;
}
