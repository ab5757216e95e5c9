using Mirt.Rules.Text;

namespace Mirt.Rules.Dialog;

/// <summary>
/// Tells whether the customer asks about delivery: shipping, Nova Poshta, when the parcel leaves or arrives, tracking.
/// </summary>
/// <remarks>The shop ships by Nova Poshta only (see <c>shared/DOMAIN.md</c>, Delivery). "Send me a photo" is not a delivery question. Words live in <c>Data/dialog.json</c>. Immutable and thread-safe.</remarks>
public sealed class DeliveryRequestDetector
{
    private static readonly Lazy<DeliveryRequestDetector> LazyDefault = new(() => new DeliveryRequestDetector(DialogData.Shared));

    private readonly KeywordSet _keywords;

    internal DeliveryRequestDetector(DialogData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _keywords = data.DeliveryRequest.ToKeywordSet(DialogData.FileName, "deliveryRequest");
    }

    /// <summary>Gets the detector built from the embedded <c>dialog.json</c>, loaded on first use.</summary>
    /// <exception cref="InvalidOperationException">The embedded data file is missing or broken.</exception>
    public static DeliveryRequestDetector Default => LazyDefault.Value;

    /// <summary>Decides whether the message asks about delivery.</summary>
    /// <param name="text">The tokenised customer message.</param>
    /// <returns><see langword="true"/> when a delivery word or question occurs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public bool IsDeliveryRequest(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _keywords.Matches(text);
    }
}
