using Mirt.Rules.Text;

namespace Mirt.Rules.Dialog;

/// <summary>
/// Tells whether the customer adds one more item to the order ("one more", "add", "I will take that too").
/// </summary>
/// <remarks>The old bot read "one more question" and "I will think some more" as add-to-cart (see <c>shared/DOMAIN.md</c>, Known defects); those phrases are exclusions. Words live in <c>Data/dialog.json</c>. Immutable and thread-safe.</remarks>
public sealed class AddToCartDetector
{
    private static readonly Lazy<AddToCartDetector> LazyDefault = new(() => new AddToCartDetector(DialogData.Shared));

    private readonly KeywordSet _keywords;

    internal AddToCartDetector(DialogData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _keywords = data.AddToCart.ToKeywordSet(DialogData.FileName, "addToCart");
    }

    /// <summary>Gets the detector built from the embedded <c>dialog.json</c>, loaded on first use.</summary>
    /// <exception cref="InvalidOperationException">The embedded data file is missing or broken.</exception>
    public static AddToCartDetector Default => LazyDefault.Value;

    /// <summary>Decides whether the message adds an item.</summary>
    /// <param name="text">The tokenised customer message.</param>
    /// <returns><see langword="true"/> when an add-to-cart phrase occurs outside every exclusion.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public bool IsAddToCart(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _keywords.Matches(text);
    }
}
