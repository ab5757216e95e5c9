namespace Mirt.Rules.Dialog;

/// <summary>
/// Names the two payment methods the shop accepts (see <c>shared/DOMAIN.md</c>, Payment).
/// </summary>
public enum PaymentMethod
{
    /// <summary>The whole amount is paid in advance to the shop's account.</summary>
    FullPrepayment = 0,

    /// <summary>A small prepayment now (the amount is configuration) and the rest cash on delivery, with the carrier's fee.</summary>
    PartialPrepaymentCashOnDelivery = 1,
}
