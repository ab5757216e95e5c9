namespace Mirt.Rules.Shop;

/// <summary>
/// Computes what is due now and on delivery for an order (see <c>shared/DOMAIN.md</c>, Payment; the amounts live in
/// <c>Data/shop.json</c>).
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class PaymentCalculator
{
    /// <summary>Quotes an order total under a payment option.</summary>
    /// <param name="shop">The shop profile with the prepayment and the carrier's fee terms.</param>
    /// <param name="totalUah">The order total for the goods in UAH, above zero.</param>
    /// <param name="method">The payment option the customer chose.</param>
    /// <returns>
    /// For <see cref="PaymentOption.FullPrepayment"/>: the whole total now. For <see cref="PaymentOption.PrepaymentAndCashOnDelivery"/>:
    /// the prepayment now (the whole total when it is not larger), the rest on delivery, and the carrier fee of
    /// <c>percent</c> % of the cash-on-delivery amount plus the fixed part, rounded to whole UAH with halves away from zero
    /// (2050 UAH → 200 now, 1850 on delivery, fee 1850 × 2 % + 20 = 57). The fee is 0 when nothing is collected on delivery.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="shop"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalUah"/> is zero or negative, or <paramref name="method"/> is undefined.</exception>
    public static PaymentQuote Quote(ShopProfile shop, decimal totalUah, PaymentOption method)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalUah);
        switch (method)
        {
            case PaymentOption.FullPrepayment:
                return new PaymentQuote(totalUah, 0m, 0m, totalUah);
            case PaymentOption.PrepaymentAndCashOnDelivery:
                var dueNow = Math.Min(shop.PrepaymentUah, totalUah);
                var onDelivery = totalUah - dueNow;
                var fee = onDelivery == 0m
                    ? 0m
                    : Math.Round((onDelivery * shop.CashOnDeliveryFeePercent / 100m) + shop.CashOnDeliveryFeeFixedUah, 0, MidpointRounding.AwayFromZero);
                return new PaymentQuote(dueNow, onDelivery, fee, totalUah);
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "The payment option is not defined; use FullPrepayment or PrepaymentAndCashOnDelivery.");
        }
    }
}
