using Mirt.Rules.Text;

namespace Mirt.Rules.Dialog;

/// <summary>
/// Reads which payment method the customer chose (see <c>shared/DOMAIN.md</c>, Payment): full prepayment, or a small
/// prepayment and cash on delivery.
/// </summary>
/// <remarks>
/// When both kinds of words occur, the one that comes first wins and a tie goes to full prepayment: "full prepayment"
/// opens with "full", while "cash on delivery, paying fully there" opens with the delivery words. Choosing a method is
/// never payment proof. Words live in <c>Data/dialog.json</c>. Immutable and thread-safe.
/// </remarks>
public sealed class PaymentMethodDetector
{
    private static readonly Lazy<PaymentMethodDetector> LazyDefault = new(() => new PaymentMethodDetector(DialogData.Shared));

    private readonly KeywordSet _full;
    private readonly KeywordSet _partial;

    internal PaymentMethodDetector(DialogData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _full = data.FullPrepayment.ToKeywordSet(DialogData.FileName, "fullPrepayment");
        _partial = data.PartialPrepayment.ToKeywordSet(DialogData.FileName, "partialPrepayment");
    }

    /// <summary>Gets the detector built from the embedded <c>dialog.json</c>, loaded on first use.</summary>
    /// <exception cref="InvalidOperationException">The embedded data file is missing or broken.</exception>
    public static PaymentMethodDetector Default => LazyDefault.Value;

    /// <summary>Reads the chosen payment method.</summary>
    /// <param name="text">The tokenised customer message.</param>
    /// <returns>The method, or <see langword="null"/> when the message names none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public PaymentMethod? Detect(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (_full.FindFirst(text), _partial.FindFirst(text)) switch
        {
            ({ } full, { } partial) => full.TokenIndex <= partial.TokenIndex
                ? PaymentMethod.FullPrepayment
                : PaymentMethod.PartialPrepaymentCashOnDelivery,
            ({ }, null) => PaymentMethod.FullPrepayment,
            (null, { }) => PaymentMethod.PartialPrepaymentCashOnDelivery,
            _ => null,
        };
    }
}
