using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Rules.Domain;

namespace Mirt.Sales.Graph;

/// <summary>
/// Picks the node that handles a message after intent detection, from the intent and the phase where the
/// conversation waits. The order of the checks is the policy: complaints and out-of-domain first, images in the
/// payment phase are proof candidates (never product photos), then the phase decides.
/// </summary>
public static class SalesRouter
{
    private static readonly HashSet<string> PaymentPhases =
    [
        DialogPhase.WaitingForDeliveryData.Value, DialogPhase.WaitingForPaymentMethod.Value, DialogPhase.WaitingForPaymentProof.Value,
    ];

    /// <summary>Gets every node <see cref="AfterIntent"/> may return, for the graph's edge declaration.</summary>
    public static IReadOnlyList<NodeName> Targets { get; } =
    [
        SalesNodes.Handoff, SalesNodes.Complaint, SalesNodes.OutOfDomain, SalesNodes.Payment, SalesNodes.Vision,
        SalesNodes.Upsell, SalesNodes.Offer, SalesNodes.Greeting, SalesNodes.SmallTalk, SalesNodes.Discovery,
    ];

    /// <summary>Routes a message after intent detection.</summary>
    /// <param name="state">The state with this turn's message and intent.</param>
    /// <returns>One of <see cref="Targets"/>.</returns>
    public static NodeName AfterIntent(GraphState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var intent = state.Get(SalesKeys.Intent);
        var phase = state.Get(SalesKeys.Phase);
        var hasImage = state.Get(SalesKeys.Message)?.HasImage ?? false;

        if (phase == DialogPhase.Escalated.Value && state.Get(SalesKeys.State) == ConversationState.Complaint.Value)
        {
            return SalesNodes.Handoff;
        }

        if (intent == Intent.Complaint.Value)
        {
            return SalesNodes.Complaint;
        }

        if (intent == Intent.OutOfDomain.Value)
        {
            return SalesNodes.OutOfDomain;
        }

        if (PaymentPhases.Contains(phase))
        {
            return SalesNodes.Payment;
        }

        if (hasImage)
        {
            return SalesNodes.Vision;
        }

        if (phase == DialogPhase.UpsellOffered.Value)
        {
            return SalesNodes.Upsell;
        }

        if (phase == DialogPhase.OfferMade.Value)
        {
            return SalesNodes.Offer;
        }

        if (intent == Intent.GreetingOnly.Value)
        {
            return SalesNodes.Greeting;
        }

        return intent == Intent.ThankYouSmallTalk.Value ? SalesNodes.SmallTalk : SalesNodes.Discovery;
    }
}
