using Mirt.Rules.Domain;

namespace Mirt.Sales.Assistant;

/// <summary>
/// Maps a conversation state a new test thread may begin in to the phase where its first message resumes.
/// </summary>
internal static class StartStates
{
    private static readonly Dictionary<string, DialogPhase> Phases = new(StringComparer.Ordinal)
    {
        [ConversationState.Init.Value] = DialogPhase.New,
        [ConversationState.Discovery.Value] = DialogPhase.WaitingForNeeds,
        [ConversationState.Vision.Value] = DialogPhase.WaitingForNeeds,
        [ConversationState.SizeColor.Value] = DialogPhase.WaitingForColor,
        [ConversationState.Offer.Value] = DialogPhase.OfferMade,
        [ConversationState.PaymentDelivery.Value] = DialogPhase.WaitingForDeliveryData,
        [ConversationState.Upsell.Value] = DialogPhase.UpsellOffered,
        [ConversationState.End.Value] = DialogPhase.Completed,
        [ConversationState.Complaint.Value] = DialogPhase.Escalated,
        [ConversationState.OutOfDomain.Value] = DialogPhase.WaitingForNeeds,
    };

    public static DialogPhase PhaseFor(string state) =>
        Phases.TryGetValue(state, out var phase)
            ? phase
            : throw new ArgumentException($"'{state}' is not a conversation state; use one of {string.Join(", ", Phases.Keys)}.", nameof(state));
}
