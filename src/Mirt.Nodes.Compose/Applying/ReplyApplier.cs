using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Compose.Contract;
using Mirt.Nodes.Compose.Validation;
using Mirt.Rules.Catalog;
using Mirt.Rules.Domain;
using Mirt.Rules.Sizing;

namespace Mirt.Nodes.Compose.Applying;

/// <summary>
/// Turns a validated model reply into state writes. The rules stay authoritative for facts: the model's bubbles
/// replace the draft, but its products only fill in when the rules showed none (and carry catalog prices), its
/// escalation only when the rules raised none, and its delivery fields only through <see cref="CustomerFieldFilter"/>.
/// </summary>
internal static class ReplyApplier
{
    public static List<StateWrite> Apply(NodeContext context, StructuredReply reply, IReadOnlyList<string> promptTemplates, PermittedTransition canMove)
    {
        var shop = context.Shop();
        var profile = context.Get(SalesKeys.Profile);
        List<StateWrite> writes =
        [
            SalesKeys.Replies.Overwrite(reply.Replies),
            SalesKeys.Templates.Overwrite([.. context.Get(SalesKeys.Templates), .. promptTemplates]),
        ];

        if (context.Get(SalesKeys.Products).Count == 0 && Lines(reply.Products, shop.Catalog, profile.HeightCm) is { Count: > 0 } lines)
        {
            writes.Add(SalesKeys.Products.Set(lines));
        }

        if (context.Get(SalesKeys.Escalation) is null && reply.Escalation is { } escalation)
        {
            writes.AddRange(Escalate(context, escalation, canMove));
        }

        var state = context.Get(SalesKeys.State);
        if (state == ConversationState.PaymentDelivery.Value)
        {
            var current = context.Get(SalesKeys.Delivery);
            var merged = CustomerFieldFilter.Merge(reply.Customer, context.Message().Text, current);
            if (!ReferenceEquals(merged, current))
            {
                writes.Add(SalesKeys.Delivery.Set(merged));
            }
        }

        return writes;
    }

    // Catalog facts only: the name and the price come from the catalog; a product whose size is neither given nor
    // known from the height is left out (a line needs a size and a price).
    private static List<ProductLine> Lines(IReadOnlyList<ProposedProduct> products, Catalog catalog, int? heightCm)
    {
        var lines = new List<ProductLine>();
        foreach (var proposed in products)
        {
            if (catalog.FindBySku(proposed.Sku) is not { } product)
            {
                continue;
            }

            var variant = product.Colors.First(c => string.Equals(c.Sku, proposed.Sku.Trim(), StringComparison.OrdinalIgnoreCase));
            var size = proposed.Size is { } label ? product.FindSize(label)
                : heightCm is { } height ? SizePicker.Pick(product, catalog.Grid, height).Size : null;
            if (size is not null)
            {
                lines.Add(new ProductLine(variant.Sku, product.Name, size.Label, variant.Color, size.PriceUah));
            }
        }

        return lines;
    }

    private static StateWrite[] Escalate(NodeContext context, ProposedEscalation escalation, PermittedTransition canMove)
    {
        if (escalation.Level == Escalation.Notify)
        {
            return [SalesKeys.Escalation.Set(new Escalation(Escalation.Notify, escalation.Reason))];
        }

        var state = context.Get(SalesKeys.State);
        var complaint = ConversationState.Complaint.Value;
        if (escalation.Reason == EscalationReasons.Complaint && (state == complaint || canMove(state, complaint)))
        {
            return context.HandOff(ConversationState.Complaint, escalation.Reason);
        }

        // The state stays where the rules left it; the phase says a human holds the conversation.
        return [SalesKeys.Phase.Set(DialogPhase.Escalated.Value), SalesKeys.Escalation.Set(new Escalation(Escalation.Handoff, escalation.Reason))];
    }
}
