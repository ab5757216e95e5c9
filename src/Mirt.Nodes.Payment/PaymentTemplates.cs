using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Payment.Models;

namespace Mirt.Nodes.Payment;

/// <summary>
/// Declares the templates of delivery data, payment method, requisites, proof and order.
/// </summary>
public static class PaymentTemplates
{
    /// <summary>Gets the request for the delivery fields still missing.</summary>
    public static readonly TemplateId<DeliveryQuestionModel> AskDeliveryData = new("payment/ask_delivery_data");

    /// <summary>Gets the confirmation of the delivery data with the payment-method question.</summary>
    public static readonly TemplateId<MethodQuestionModel> ConfirmAndAskMethod = new("payment/confirm_and_method");

    /// <summary>Gets the repeated payment-method question.</summary>
    public static readonly TemplateId<MethodQuestionModel> AskMethod = new("payment/ask_method");

    /// <summary>Gets the requisites with the exact amount due, as separate bubbles.</summary>
    public static readonly TemplateId<RequisitesModel> Requisites = new("payment/requisites");

    /// <summary>Gets the reminder that proof of payment is awaited.</summary>
    public static readonly TemplateId<RequisitesModel> AwaitingProof = new("payment/awaiting_proof");

    /// <summary>Gets the thanks for the payment, with the order number.</summary>
    public static readonly TemplateId<OrderThanksModel> OrderThanks = new("payment/order_thanks");

    /// <summary>Gets every template above.</summary>
    public static IReadOnlyList<ITemplateId> All { get; } =
        [AskDeliveryData, ConfirmAndAskMethod, AskMethod, Requisites, AwaitingProof, OrderThanks];
}
