namespace Mirt.Rules.Domain;

/// <summary>
/// Names where the next customer message resumes inside a <see cref="ConversationState"/>.
/// </summary>
/// <param name="Value">The wire name, for example <c>WAITING_FOR_COLOR</c>.</param>
public readonly record struct DialogPhase(string Value)
{
    /// <summary>Gets the phase of a thread that has not started.</summary>
    public static DialogPhase New { get; } = new("NEW");

    /// <summary>Gets the phase after a greeting, waiting to hear what is wanted.</summary>
    public static DialogPhase WaitingForNeeds { get; } = new("WAITING_FOR_NEEDS");

    /// <summary>Gets the phase waiting for the child's height.</summary>
    public static DialogPhase WaitingForHeight { get; } = new("WAITING_FOR_HEIGHT");

    /// <summary>Gets the phase waiting for the customer to pick one of several models.</summary>
    public static DialogPhase WaitingForModel { get; } = new("WAITING_FOR_MODEL");

    /// <summary>Gets the phase waiting for a size decision.</summary>
    public static DialogPhase WaitingForSize { get; } = new("WAITING_FOR_SIZE");

    /// <summary>Gets the phase waiting for a colour choice.</summary>
    public static DialogPhase WaitingForColor { get; } = new("WAITING_FOR_COLOR");

    /// <summary>Gets the phase after a concrete offer, waiting for confirmation.</summary>
    public static DialogPhase OfferMade { get; } = new("OFFER_MADE");

    /// <summary>Gets the phase collecting full name, phone, city and branch.</summary>
    public static DialogPhase WaitingForDeliveryData { get; } = new("WAITING_FOR_DELIVERY_DATA");

    /// <summary>Gets the phase waiting for the payment method.</summary>
    public static DialogPhase WaitingForPaymentMethod { get; } = new("WAITING_FOR_PAYMENT_METHOD");

    /// <summary>Gets the phase waiting for proof of payment.</summary>
    public static DialogPhase WaitingForPaymentProof { get; } = new("WAITING_FOR_PAYMENT_PROOF");

    /// <summary>Gets the phase after the single upsell offer.</summary>
    public static DialogPhase UpsellOffered { get; } = new("UPSELL_OFFERED");

    /// <summary>Gets the phase of a finished conversation; a new message starts discovery again.</summary>
    public static DialogPhase Completed { get; } = new("COMPLETED");

    /// <summary>Gets the phase of a conversation handed to a human manager.</summary>
    public static DialogPhase Escalated { get; } = new("ESCALATED");

    /// <summary>Returns the wire name.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Value;
}
