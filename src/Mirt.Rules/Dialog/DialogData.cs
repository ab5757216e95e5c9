using Mirt.Rules.Data;

namespace Mirt.Rules.Dialog;

/// <summary>
/// Describes <c>dialog.json</c>: the keyword groups of the dialog detectors, in Ukrainian, Russian and surzhyk.
/// </summary>
internal sealed record DialogData
{
    /// <summary>The embedded file name.</summary>
    public const string FileName = "dialog.json";

    private static readonly Lazy<DialogData> LazyShared = new(() => RulesData.Load<DialogData>(FileName));

    /// <summary>Gets the embedded file, loaded once on first use and shared by every detector's <c>Default</c>.</summary>
    public static DialogData Shared => LazyShared.Value;

    /// <summary>Gets the words that say yes to a question.</summary>
    public required KeywordSetData ConfirmationYes { get; init; }

    /// <summary>Gets the words that say no to a question.</summary>
    public required KeywordSetData ConfirmationNo { get; init; }

    /// <summary>Gets the words that choose full prepayment.</summary>
    public required KeywordSetData FullPrepayment { get; init; }

    /// <summary>Gets the words that choose a small prepayment and cash on delivery.</summary>
    public required KeywordSetData PartialPrepayment { get; init; }

    /// <summary>Gets the words that say a payment was made (proof while waiting for it).</summary>
    public required KeywordSetData PaymentProofWords { get; init; }

    /// <summary>Gets the tokens that mark a link (proof while waiting for it).</summary>
    public required KeywordSetData PaymentProofLinks { get; init; }

    /// <summary>Gets the questions about delivery and shipping.</summary>
    public required KeywordSetData DeliveryRequest { get; init; }

    /// <summary>Gets the phrases that add one more item to the order.</summary>
    public required KeywordSetData AddToCart { get; init; }

    /// <summary>Gets the price questions.</summary>
    public required KeywordSetData PriceQuestion { get; init; }

    /// <summary>Gets the phrases that ask which colours exist.</summary>
    public required KeywordSetData ColorQuestion { get; init; }

    /// <summary>Gets the words for "colour" itself, a question when asked with a question mark or an availability word.</summary>
    public required KeywordSetData ColorNouns { get; init; }

    /// <summary>Gets the availability words ("is there", "do you have").</summary>
    public required KeywordSetData AvailabilityWords { get; init; }
}
