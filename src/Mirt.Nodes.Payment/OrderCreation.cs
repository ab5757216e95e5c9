using System.Globalization;
using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Payment.Models;
using Mirt.Rules.Orders;
using Mirt.Rules.Shop;

namespace Mirt.Nodes.Payment;

/// <summary>
/// Creates the order once proof of payment is in. The key derives from conversation, items and total, so a retried
/// or repeated proof never makes a second order (see DOMAIN.md, Order); a manager is notified.
/// </summary>
internal static class OrderCreation
{
    public static NodeResult Create(NodeContext context, Selection selection, DeliveryData delivery, PaymentOption option, List<StateWrite> writes)
    {
        var line = selection.Line;
        var total = line.PriceUah;
        var key = OrderKey.Compute(context.ThreadId, [new OrderLine(line.Sku!, line.Name, line.Size, line.Color!, line.PriceUah, 1)], total);
        var quote = PaymentCalculator.Quote(context.Shop().Shop, total, option);
        var existing = context.Get(SalesKeys.Order);
        if (existing is null || existing.Key != key)
        {
            writes.Add(SalesKeys.Order.Set(new OrderRecord(key, [line], total, option.ToString(), quote.DueNowUah, context.Time.GetUtcNow())));
            writes.Add(SalesKeys.Escalation.Set(new Escalation(Escalation.Notify, "ORDER_PLACED")));
        }

        var number = key[..8].ToUpper(CultureInfo.InvariantCulture);
        writes.AddRange(context.Say(PaymentTemplates.OrderThanks, new OrderThanksModel(number, delivery.City!, delivery.Branch!, quote.CashOnDeliveryUah)));
        return NodeResult.Route(SalesNodes.Upsell, writes);
    }
}
