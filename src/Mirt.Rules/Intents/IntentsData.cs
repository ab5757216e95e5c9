using Mirt.Rules.Data;

namespace Mirt.Rules.Intents;

/// <summary>
/// Describes <c>intents.json</c>: one keyword group per keyword-driven intent, in Ukrainian, Russian and surzhyk.
/// </summary>
internal sealed record IntentsData
{
    /// <summary>The embedded file name.</summary>
    public const string FileName = "intents.json";

    /// <summary>Gets the complaint words (defect, refund, deception).</summary>
    public required KeywordSetData Complaint { get; init; }

    /// <summary>Gets the out-of-domain words (politics, other shops, bots, weather).</summary>
    public required KeywordSetData OutOfDomain { get; init; }

    /// <summary>Gets the delivery, payment and payment-proof words.</summary>
    public required KeywordSetData PaymentDelivery { get; init; }

    /// <summary>Gets the height, age and size words.</summary>
    public required KeywordSetData SizeHelp { get; init; }

    /// <summary>Gets the colour question words and the colour names (for detection only; the palette is catalog data).</summary>
    public required KeywordSetData ColorHelp { get; init; }

    /// <summary>Gets the photo and video request words.</summary>
    public required KeywordSetData RequestPhoto { get; init; }

    /// <summary>Gets the product, category, availability, price and wish-to-buy words.</summary>
    public required KeywordSetData Discovery { get; init; }

    /// <summary>Gets the thanks, small-talk and goodbye words.</summary>
    public required KeywordSetData ThankYouSmallTalk { get; init; }

    /// <summary>Gets the greetings.</summary>
    public required KeywordSetData Greeting { get; init; }
}
