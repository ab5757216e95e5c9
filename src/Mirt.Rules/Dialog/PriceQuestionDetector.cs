using Mirt.Rules.Text;

namespace Mirt.Rules.Dialog;

/// <summary>
/// Tells whether the customer asks for a price ("how much", "price", "cost").
/// </summary>
/// <remarks>Prices themselves are catalog data (see <c>shared/DOMAIN.md</c>, Catalog). Words live in <c>Data/dialog.json</c>. Immutable and thread-safe.</remarks>
public sealed class PriceQuestionDetector
{
    private static readonly Lazy<PriceQuestionDetector> LazyDefault = new(() => new PriceQuestionDetector(DialogData.Shared));

    private readonly KeywordSet _keywords;

    internal PriceQuestionDetector(DialogData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _keywords = data.PriceQuestion.ToKeywordSet(DialogData.FileName, "priceQuestion");
    }

    /// <summary>Gets the detector built from the embedded <c>dialog.json</c>, loaded on first use.</summary>
    /// <exception cref="InvalidOperationException">The embedded data file is missing or broken.</exception>
    public static PriceQuestionDetector Default => LazyDefault.Value;

    /// <summary>Decides whether the message asks for a price.</summary>
    /// <param name="text">The tokenised customer message.</param>
    /// <returns><see langword="true"/> when a price question occurs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public bool IsPriceQuestion(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _keywords.Matches(text);
    }
}
