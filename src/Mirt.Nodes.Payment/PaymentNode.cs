using Mirt.Graph.Execution;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Payment.Models;
using Mirt.Rules.Customer;
using Mirt.Rules.Dialog;
using Mirt.Rules.Domain;
using Mirt.Rules.Shop;

namespace Mirt.Nodes.Payment;

/// <summary>
/// Runs the payment-and-delivery sub-steps (see DOMAIN.md): collect the four delivery fields in any order and
/// several per message, confirm them and ask the payment method, show requisites with the exact amount, and turn
/// proof of payment into exactly one order.
/// </summary>
public sealed class PaymentNode : INode
{
    /// <inheritdoc />
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shop = context.Shop();
        var selection = Selection.Resolve(shop, context.Get(SalesKeys.Profile));
        if (selection?.Variant is null)
        {
            // Nothing concrete to pay for: go back to choosing.
            return Result(NodeResult.Route(SalesNodes.SizeColor, context.MoveTo(ConversationState.SizeColor, DialogPhase.WaitingForColor)));
        }

        var message = context.Message();
        var text = context.Text();
        var patch = CustomerDataExtractor.Default.Extract(message.Text);
        var delivery = context.Get(SalesKeys.Delivery).Merge(patch.FullName, patch.Phone, patch.City, patch.Branch);
        var method = PaymentMethodDetector.Default.Detect(text) is { } detected ? ToOption(detected) : (PaymentOption?)null;
        List<StateWrite> writes = [SalesKeys.Delivery.Set(delivery), SalesKeys.Products.Set([selection.Line])];
        var phase = context.Phase();

        if (phase == DialogPhase.WaitingForPaymentProof)
        {
            var chosen = Enum.Parse<PaymentOption>(context.Get(SalesKeys.PaymentMethod)!);
            if (PaymentProofDetector.Default.IsProof(text, message.HasImage, awaitingProof: true))
            {
                return Result(OrderCreation.Create(context, selection, delivery, chosen, writes));
            }

            method ??= chosen;
            var key = method == chosen ? PaymentTemplates.AwaitingProof : PaymentTemplates.Requisites;
            writes.AddRange(context.Say(key, Requisites(shop.Shop, selection.Size.PriceUah, method.Value)));
            writes.Add(SalesKeys.PaymentMethod.Set(method.Value.ToString()));
            return Result(NodeResult.Continue(writes));
        }

        if (!delivery.IsComplete)
        {
            var question = new DeliveryQuestionModel(delivery.FullName is null, delivery.Phone is null, delivery.City is null, delivery.Branch is null, !delivery.IsEmpty);
            writes.AddRange(context.Say(PaymentTemplates.AskDeliveryData, question));
            writes.AddRange(context.MoveTo(ConversationState.PaymentDelivery, DialogPhase.WaitingForDeliveryData));
            return Result(NodeResult.Continue(writes));
        }

        if (method is null)
        {
            var template = phase == DialogPhase.WaitingForPaymentMethod && patch.IsEmpty ? PaymentTemplates.AskMethod : PaymentTemplates.ConfirmAndAskMethod;
            writes.AddRange(context.Say(template, MethodQuestion(shop.Shop, selection, delivery)));
            writes.AddRange(context.MoveTo(ConversationState.PaymentDelivery, DialogPhase.WaitingForPaymentMethod));
            return Result(NodeResult.Continue(writes));
        }

        writes.AddRange(context.Say(PaymentTemplates.Requisites, Requisites(shop.Shop, selection.Size.PriceUah, method.Value)));
        writes.Add(SalesKeys.PaymentMethod.Set(method.Value.ToString()));
        writes.AddRange(context.MoveTo(ConversationState.PaymentDelivery, DialogPhase.WaitingForPaymentProof));
        return Result(NodeResult.Continue(writes));
    }

    internal static RequisitesModel Requisites(ShopProfile shop, decimal totalUah, PaymentOption option)
    {
        var quote = PaymentCalculator.Quote(shop, totalUah, option);
        var r = shop.Requisites;
        return new RequisitesModel(r.Recipient, r.Iban, r.TaxId, r.Bank, r.PaymentPurpose, option == PaymentOption.FullPrepayment, quote.DueNowUah, quote.CashOnDeliveryUah, quote.CarrierFeeUah);
    }

    private static MethodQuestionModel MethodQuestion(ShopProfile shop, Selection selection, DeliveryData delivery) => new(
        delivery.FullName!,
        delivery.Phone!,
        delivery.City!,
        delivery.Branch!,
        selection.Product.Name,
        selection.Size.Label,
        selection.Variant!.Color,
        selection.Size.PriceUah,
        shop.PrepaymentUah,
        shop.CashOnDeliveryFeePercent,
        shop.CashOnDeliveryFeeFixedUah);

    private static PaymentOption ToOption(PaymentMethod method) =>
        method == PaymentMethod.FullPrepayment ? PaymentOption.FullPrepayment : PaymentOption.PrepaymentAndCashOnDelivery;

    private static ValueTask<NodeResult> Result(NodeResult result) => ValueTask.FromResult(result);
}
