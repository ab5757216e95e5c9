namespace Mirt.Nodes.Payment.Models;

/// <summary>
/// Fills the payment-method question with the order summary and the shop's payment terms.
/// </summary>
/// <param name="FullName">The recipient's full name.</param>
/// <param name="Phone">The recipient's phone, <c>+380XXXXXXXXX</c>.</param>
/// <param name="City">The city.</param>
/// <param name="Branch">The Nova Poshta branch number.</param>
/// <param name="ProductName">The ordered model.</param>
/// <param name="Size">The size label.</param>
/// <param name="Color">The colour.</param>
/// <param name="TotalUah">The order total in UAH.</param>
/// <param name="PrepaymentUah">The prepayment for cash on delivery in UAH (shop profile).</param>
/// <param name="CarrierFeePercent">The carrier's cash-on-delivery fee in percent (shop profile).</param>
/// <param name="CarrierFeeFixedUah">The carrier's fixed cash-on-delivery fee in UAH (shop profile).</param>
public sealed record MethodQuestionModel(
    string FullName,
    string Phone,
    string City,
    string Branch,
    string ProductName,
    string Size,
    string Color,
    decimal TotalUah,
    decimal PrepaymentUah,
    decimal CarrierFeePercent,
    decimal CarrierFeeFixedUah);
