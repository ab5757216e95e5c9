namespace Mirt.Rules.Domain;

/// <summary>
/// Names what a customer message asks for. The names are part of our public contract (see <c>shared/DOMAIN.md</c>).
/// </summary>
/// <param name="Value">The upper-case wire name, for example <c>SIZE_HELP</c>.</param>
public readonly record struct Intent(string Value)
{
    /// <summary>Gets the intent of a bare greeting.</summary>
    public static Intent GreetingOnly { get; } = new("GREETING_ONLY");

    /// <summary>Gets the intent of a product question or a wish to buy something.</summary>
    public static Intent DiscoveryOrQuestion { get; } = new("DISCOVERY_OR_QUESTION");

    /// <summary>Gets the intent of a photo sent to identify a product.</summary>
    public static Intent PhotoIdent { get; } = new("PHOTO_IDENT");

    /// <summary>Gets the intent of a size or height question.</summary>
    public static Intent SizeHelp { get; } = new("SIZE_HELP");

    /// <summary>Gets the intent of a colour question or choice.</summary>
    public static Intent ColorHelp { get; } = new("COLOR_HELP");

    /// <summary>Gets the intent of a request for product photos.</summary>
    public static Intent RequestPhoto { get; } = new("REQUEST_PHOTO");

    /// <summary>Gets the intent of anything about delivery data, payment or its proof.</summary>
    public static Intent PaymentDelivery { get; } = new("PAYMENT_DELIVERY");

    /// <summary>Gets the intent of a complaint (defect, refund, deception).</summary>
    public static Intent Complaint { get; } = new("COMPLAINT");

    /// <summary>Gets the intent of thanks, small talk or a polite goodbye.</summary>
    public static Intent ThankYouSmallTalk { get; } = new("THANKYOU_SMALLTALK");

    /// <summary>Gets the intent of a message outside the shop's domain (politics, other shops, jailbreaks).</summary>
    public static Intent OutOfDomain { get; } = new("OUT_OF_DOMAIN");

    /// <summary>Gets the intent of an empty or unintelligible message.</summary>
    public static Intent UnknownOrEmpty { get; } = new("UNKNOWN_OR_EMPTY");

    /// <summary>Returns the wire name.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Value;
}
