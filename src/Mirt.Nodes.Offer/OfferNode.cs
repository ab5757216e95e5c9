using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Offer.Models;
using Mirt.Rules.Customer;
using Mirt.Rules.Dialog;
using Mirt.Rules.Domain;

namespace Mirt.Nodes.Offer;

/// <summary>
/// Makes the concrete offer (model, size, colour, catalog price) and reads the answer: yes or delivery data moves
/// to payment, a new colour or height goes back to size-and-colour, no ends the offer politely.
/// </summary>
public sealed class OfferNode : INode
{
    /// <inheritdoc />
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shop = context.Shop();
        var profile = context.Get(SalesKeys.Profile);
        if (Selection.Resolve(shop, profile) is not { Variant: not null } selection)
        {
            // The choice is incomplete (for example the colour was dropped); size-and-colour asks for the rest.
            return Result(NodeResult.Route(SalesNodes.SizeColor, context.MoveTo(ConversationState.SizeColor, DialogPhase.WaitingForColor)));
        }

        var offer = new OfferModel(selection.Product.Name, selection.Product.CategoryName, selection.Size.Label, selection.Variant.Color, profile.RequestedColor, selection.Size.PriceUah);
        List<StateWrite> writes = [SalesKeys.Products.Set([selection.Line])];
        if (context.Phase() != DialogPhase.OfferMade)
        {
            writes.AddRange(context.Say(OfferTemplates.Made, offer));
            writes.AddRange(context.MoveTo(ConversationState.Offer, DialogPhase.OfferMade));
            return Result(NodeResult.Continue(writes));
        }

        var text = context.Text();
        var updated = ProfileReader.Update(context, profile);
        if (updated.ProductId != profile.ProductId || updated.Color != profile.Color || updated.HeightCm != profile.HeightCm)
        {
            writes.Add(SalesKeys.Profile.Set(updated));
            writes.AddRange(context.MoveTo(ConversationState.SizeColor, DialogPhase.WaitingForColor));
            return Result(NodeResult.Route(SalesNodes.SizeColor, writes));
        }

        var answer = ConfirmationDetector.Default.Detect(text);
        var dataGiven = !CustomerDataExtractor.Default.Extract(context.Message().Text).IsEmpty;
        if (answer == Confirmation.Yes || dataGiven || DeliveryRequestDetector.Default.IsDeliveryRequest(text))
        {
            writes.AddRange(context.MoveTo(ConversationState.PaymentDelivery, DialogPhase.WaitingForDeliveryData));
            return Result(NodeResult.Route(SalesNodes.Payment, writes));
        }

        if (answer == Confirmation.No)
        {
            writes.AddRange(context.Say(OfferTemplates.Declined, NoModel.Instance));
            writes.AddRange(context.MoveTo(ConversationState.Discovery, DialogPhase.WaitingForNeeds));
            return Result(NodeResult.Continue(writes));
        }

        writes.AddRange(context.Say(OfferTemplates.Reminder, offer));
        return Result(NodeResult.Continue(writes));
    }

    private static ValueTask<NodeResult> Result(NodeResult result) => ValueTask.FromResult(result);
}
