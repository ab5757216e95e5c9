using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Offer.Models;
using Mirt.Rules.Dialog;
using Mirt.Rules.Domain;
using Mirt.Rules.Sizing;
using Mirt.Rules.Upsell;

namespace Mirt.Nodes.Offer;

/// <summary>
/// Makes the one soft upsell after the order (dress → trench, suit → a second colour; see DOMAIN.md) and reads
/// the answer; "no" or silence on it ends the conversation politely.
/// </summary>
public sealed class UpsellNode : INode
{
    /// <inheritdoc />
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shop = context.Shop();
        List<StateWrite> writes = [];
        if (context.Phase() != DialogPhase.UpsellOffered)
        {
            var profile = context.Get(SalesKeys.Profile);
            var selection = Selection.Resolve(shop, profile);
            var suggestion = selection is null || context.Get(SalesKeys.UpsellOffered)
                ? null
                : UpsellRule.Suggest(shop.Catalog, selection.Product, selection.Variant?.Color ?? string.Empty);
            if (suggestion is null)
            {
                return Result(NodeResult.Continue(context.MoveTo(ConversationState.End, DialogPhase.Completed)));
            }

            var size = SizePicker.Pick(suggestion.Product, shop.Catalog.Grid, profile.HeightCm ?? 0).Size;
            var model = new UpsellModel(
                suggestion.Kind == UpsellKind.SecondColor,
                suggestion.Product.Name,
                suggestion.Color,
                [.. suggestion.Product.Colors.Select(c => c.Color)],
                size?.Label,
                size?.PriceUah);
            writes.AddRange(context.Say(OfferTemplates.UpsellOffer, model));
            writes.Add(SalesKeys.UpsellOffered.Set(true));
            writes.AddRange(context.MoveTo(ConversationState.Upsell, DialogPhase.UpsellOffered));
            return Result(NodeResult.Continue(writes));
        }

        var text = context.Text();
        var answer = ConfirmationDetector.Default.Detect(text);
        if (answer == Confirmation.Yes || AddToCartDetector.Default.IsAddToCart(text))
        {
            writes.AddRange(context.Say(OfferTemplates.UpsellAccepted, NoModel.Instance));
            writes.Add(SalesKeys.Escalation.Set(new Escalation(Escalation.Notify, "UPSELL_ACCEPTED")));
        }
        else
        {
            writes.AddRange(context.Say(OfferTemplates.UpsellDeclined, NoModel.Instance));
        }

        writes.AddRange(context.MoveTo(ConversationState.End, DialogPhase.Completed));
        return Result(NodeResult.Continue(writes));
    }

    private static ValueTask<NodeResult> Result(NodeResult result) => ValueTask.FromResult(result);
}
