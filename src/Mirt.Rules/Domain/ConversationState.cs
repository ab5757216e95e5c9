namespace Mirt.Rules.Domain;

/// <summary>
/// Names a stage of the sales conversation. The names are part of our public contract (see <c>shared/DOMAIN.md</c>).
/// </summary>
/// <param name="Value">The wire name, for example <c>STATE_4_OFFER</c>.</param>
public readonly record struct ConversationState(string Value)
{
    /// <summary>Gets the first-contact state.</summary>
    public static ConversationState Init { get; } = new("STATE_0_INIT");

    /// <summary>Gets the state that finds out garment type, height and occasion.</summary>
    public static ConversationState Discovery { get; } = new("STATE_1_DISCOVERY");

    /// <summary>Gets the state entered when the customer sent a photo of a garment.</summary>
    public static ConversationState Vision { get; } = new("STATE_2_VISION");

    /// <summary>Gets the state that picks size from height and a colour.</summary>
    public static ConversationState SizeColor { get; } = new("STATE_3_SIZE_COLOR");

    /// <summary>Gets the state that makes a concrete offer with price.</summary>
    public static ConversationState Offer { get; } = new("STATE_4_OFFER");

    /// <summary>Gets the state that collects delivery data, payment method and proof.</summary>
    public static ConversationState PaymentDelivery { get; } = new("STATE_5_PAYMENT_DELIVERY");

    /// <summary>Gets the state that makes one soft upsell after the order.</summary>
    public static ConversationState Upsell { get; } = new("STATE_6_UPSELL");

    /// <summary>Gets the polite-close state.</summary>
    public static ConversationState End { get; } = new("STATE_7_END");

    /// <summary>Gets the complaint state, handed to a human manager.</summary>
    public static ConversationState Complaint { get; } = new("STATE_8_COMPLAINT");

    /// <summary>Gets the out-of-domain state.</summary>
    public static ConversationState OutOfDomain { get; } = new("STATE_9_OOD");

    /// <summary>Returns the wire name.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Value;
}
