using Mirt.Rules.Text;

namespace Mirt.Rules.Dialog;

/// <summary>
/// Decides whether a message proves a payment (see <c>shared/DOMAIN.md</c>, Payment proof).
/// </summary>
/// <remarks>
/// Only while the bot waits for proof: then an image, a link, or a strong word ("paid", "transferred", "screenshot",
/// "receipt") counts. Choosing a payment method ("I will pay in full", "prepayment") is not proof, and nothing is proof
/// while the bot is not waiting for it. Words live in <c>Data/dialog.json</c>. Immutable and thread-safe.
/// </remarks>
public sealed class PaymentProofDetector
{
    private static readonly Lazy<PaymentProofDetector> LazyDefault = new(() => new PaymentProofDetector(DialogData.Shared));

    private readonly KeywordSet _words;
    private readonly KeywordSet _links;

    internal PaymentProofDetector(DialogData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _words = data.PaymentProofWords.ToKeywordSet(DialogData.FileName, "paymentProofWords");
        _links = data.PaymentProofLinks.ToKeywordSet(DialogData.FileName, "paymentProofLinks");
    }

    /// <summary>Gets the detector built from the embedded <c>dialog.json</c>, loaded on first use.</summary>
    /// <exception cref="InvalidOperationException">The embedded data file is missing or broken.</exception>
    public static PaymentProofDetector Default => LazyDefault.Value;

    /// <summary>Decides whether the message is payment proof.</summary>
    /// <param name="text">The tokenised customer message.</param>
    /// <param name="hasImage">Tells whether the message carries an image attachment.</param>
    /// <param name="awaitingProof">Tells whether the conversation is waiting for payment proof.</param>
    /// <returns><see langword="true"/> when waiting for proof and the message has an image, a link or a strong word.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public bool IsProof(TokenizedText text, bool hasImage, bool awaitingProof)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!awaitingProof)
        {
            return false;
        }

        return hasImage || _links.Matches(text) || _words.Matches(text);
    }
}
