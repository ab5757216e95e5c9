using Mirt.Rules.Data;
using Mirt.Rules.Domain;
using Mirt.Rules.Moderation;
using Mirt.Rules.Text;

namespace Mirt.Rules.Intents;

/// <summary>
/// Detects the intent of one customer message with word-boundary keyword rules (see <c>shared/DOMAIN.md</c>, Intents);
/// Ukrainian, Russian and surzhyk are understood, and words of five or more letters tolerate one typo.
/// </summary>
/// <remarks>
/// <para>
/// The first matching rule wins, in this priority order: <c>COMPLAINT</c> (a defect or refund outranks everything) &gt;
/// <c>OUT_OF_DOMAIN</c> (politics, other shops, bots, or anything <see cref="ModerationGate"/> blocks) &gt;
/// <c>PAYMENT_DELIVERY</c> (delivery, payment and payment-proof words, or a phone number) &gt; <c>PHOTO_IDENT</c> (an image is
/// attached) &gt; <c>SIZE_HELP</c> &gt; <c>COLOR_HELP</c> (a colour question or any colour name) &gt; <c>REQUEST_PHOTO</c> &gt;
/// <c>DISCOVERY_OR_QUESTION</c> (product, availability, price or wish-to-buy words) &gt; <c>THANKYOU_SMALLTALK</c> &gt;
/// <c>GREETING_ONLY</c> (a greeting and nothing above) &gt; <c>UNKNOWN_OR_EMPTY</c>.
/// So "Good day! I am looking for a dress" is <c>DISCOVERY_OR_QUESTION</c>, and a receipt image sent with "paid" is
/// <c>PAYMENT_DELIVERY</c>, never a product photo.
/// </para>
/// <para>The keywords live in <c>Data/intents.json</c> and are compiled once. Immutable and thread-safe.</para>
/// </remarks>
public sealed class IntentDetector
{
    private static readonly Lazy<IntentDetector> LazyDefault = new(
        () => new IntentDetector(RulesData.Load<IntentsData>(IntentsData.FileName), ModerationGate.Default));

    private readonly KeywordSet _complaint;
    private readonly KeywordSet _outOfDomain;
    private readonly KeywordSet _paymentDelivery;
    private readonly (Intent Intent, KeywordSet Keywords)[] _afterPhoto;
    private readonly KeywordSet _greeting;
    private readonly ModerationGate _moderation;

    internal IntentDetector(IntentsData data, ModerationGate moderation)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(moderation);
        const string file = IntentsData.FileName;
        _complaint = data.Complaint.ToKeywordSet(file, "complaint");
        _outOfDomain = data.OutOfDomain.ToKeywordSet(file, "outOfDomain");
        _paymentDelivery = data.PaymentDelivery.ToKeywordSet(file, "paymentDelivery");
        _afterPhoto =
        [
            (Intent.SizeHelp, data.SizeHelp.ToKeywordSet(file, "sizeHelp")),
            (Intent.ColorHelp, data.ColorHelp.ToKeywordSet(file, "colorHelp")),
            (Intent.RequestPhoto, data.RequestPhoto.ToKeywordSet(file, "requestPhoto")),
            (Intent.DiscoveryOrQuestion, data.Discovery.ToKeywordSet(file, "discovery")),
            (Intent.ThankYouSmallTalk, data.ThankYouSmallTalk.ToKeywordSet(file, "thankYouSmallTalk")),
        ];
        _greeting = data.Greeting.ToKeywordSet(file, "greeting");
        _moderation = moderation;
    }

    /// <summary>Gets the detector built from the embedded <c>intents.json</c> and <c>moderation.json</c>, loaded on first use.</summary>
    /// <exception cref="InvalidOperationException">An embedded data file is missing or broken.</exception>
    public static IntentDetector Default => LazyDefault.Value;

    /// <summary>Detects the intent of one message, following the priority order in the remarks.</summary>
    /// <param name="text">The tokenised customer message; may be empty.</param>
    /// <param name="hasImage">Tells whether the message carries an image attachment.</param>
    /// <returns>The intent and the rule that decided it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public IntentMatch Detect(TokenizedText text, bool hasImage)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_complaint.FindFirst(text) is { } complaint)
        {
            return Match(Intent.Complaint, complaint);
        }

        if (_outOfDomain.FindFirst(text) is { } outOfDomain)
        {
            return Match(Intent.OutOfDomain, outOfDomain);
        }

        if (_moderation.Check(text) is { IsBlocked: true } verdict)
        {
            return new IntentMatch(Intent.OutOfDomain, $"{Intent.OutOfDomain}: moderation {verdict.Reason}");
        }

        if (_paymentDelivery.FindFirst(text) is { } payment)
        {
            return Match(Intent.PaymentDelivery, payment);
        }

        if (PhoneNumberHint.Contains(text))
        {
            return new IntentMatch(Intent.PaymentDelivery, $"{Intent.PaymentDelivery}: phone number");
        }

        if (hasImage)
        {
            return new IntentMatch(Intent.PhotoIdent, $"{Intent.PhotoIdent}: image attached");
        }

        foreach (var (intent, keywords) in _afterPhoto)
        {
            if (keywords.FindFirst(text) is { } hit)
            {
                return Match(intent, hit);
            }
        }

        if (_greeting.FindFirst(text) is { } greeting)
        {
            return Match(Intent.GreetingOnly, greeting);
        }

        var why = text.IsEmpty ? "no words" : "no rule matched";
        return new IntentMatch(Intent.UnknownOrEmpty, $"{Intent.UnknownOrEmpty}: {why}");
    }

    /// <summary>Tells whether the message holds a greeting anywhere, so the reply can greet back once.</summary>
    /// <param name="text">The tokenised customer message.</param>
    /// <returns><see langword="true"/> when a greeting word or phrase occurs, whatever else the message says.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public bool IsGreeting(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _greeting.Matches(text);
    }

    private static IntentMatch Match(Intent intent, KeywordHit hit) => new(intent, $"{intent}: '{hit.Pattern}'");
}
