namespace Mirt.Rules.Shop;

/// <summary>
/// Names the two ways the shop takes payment (see <c>shared/DOMAIN.md</c>, Payment).
/// </summary>
public enum PaymentOption
{
    /// <summary>The whole order total is transferred to the shop's account in advance.</summary>
    FullPrepayment,

    /// <summary>A fixed prepayment (200 UAH in the shop's data) now, the rest collected by Nova Poshta on delivery for a carrier fee.</summary>
    PrepaymentAndCashOnDelivery,
}
