using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Rules.Domain;
using Mirt.Sales.Graph;

namespace Mirt.Sales.Tests;

public sealed class SalesRouterTests
{
    public static TheoryData<string, string> PaymentPhasesByIntent()
    {
        var data = new TheoryData<string, string>();
        string[] phases = [DialogPhase.WaitingForDeliveryData.Value, DialogPhase.WaitingForPaymentMethod.Value, DialogPhase.WaitingForPaymentProof.Value];
        string[] intents = [Intent.PhotoIdent.Value, Intent.PaymentDelivery.Value, Intent.UnknownOrEmpty.Value, Intent.ThankYouSmallTalk.Value, Intent.GreetingOnly.Value, Intent.ColorHelp.Value];
        foreach (var phase in phases)
        {
            foreach (var intent in intents)
            {
                data.Add(phase, intent);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PaymentPhasesByIntent))]
    public void AfterIntent_ImageInAPaymentPhase_GoesToPaymentNotVision(string phase, string intent)
    {
        var state = GraphState.Empty.Apply(
            SalesKeys.State.Set(ConversationState.PaymentDelivery.Value),
            SalesKeys.Phase.Set(phase),
            SalesKeys.Intent.Set(intent),
            SalesKeys.Message.Set(new CustomerMessage(string.Empty, "https://lookaside.fbsbx.com/receipt", null)));

        SalesRouter.AfterIntent(state).Should().Be(SalesNodes.Payment);
    }

    [Theory]
    [InlineData("NEW")]
    [InlineData("WAITING_FOR_NEEDS")]
    [InlineData("WAITING_FOR_COLOR")]
    [InlineData("OFFER_MADE")]
    public void AfterIntent_ImageOutsideThePaymentPhase_GoesToVision(string phase)
    {
        var state = GraphState.Empty.Apply(
            SalesKeys.Phase.Set(phase),
            SalesKeys.Intent.Set(Intent.PhotoIdent.Value),
            SalesKeys.Message.Set(new CustomerMessage(string.Empty, "https://lookaside.fbsbx.com/dress", null)));

        SalesRouter.AfterIntent(state).Should().Be(SalesNodes.Vision);
    }
}
