namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Gives prompt templates the state summary of the turn. Delivery data appears only as which fields are present:
/// the model needs no personal data to phrase the reply (the draft carries what must be confirmed).
/// </summary>
/// <param name="State">The conversation state the rule flow reached (wire name).</param>
/// <param name="Phase">The dialog phase where the next message resumes.</param>
/// <param name="Intent">The intent the rules detected.</param>
/// <param name="HasImage">Tells whether the customer's message came with a photo.</param>
/// <param name="GreetingAdded">Tells whether the day's greeting line is put before the reply automatically.</param>
/// <param name="Profile">What the customer has chosen so far.</param>
/// <param name="Products">The products the rule flow showed or sold this turn.</param>
/// <param name="Delivery">Which delivery fields are known.</param>
/// <param name="Payment">The chosen payment option and what it costs, or <see langword="null"/> before one is chosen.</param>
/// <param name="Order">The order, once created, or <see langword="null"/>.</param>
/// <param name="Escalation">The rules' escalation this turn, as <c>LEVEL REASON</c>, or <see langword="null"/>.</param>
/// <param name="Draft">The rule-only reply, one string per bubble.</param>
public sealed record TurnModel(
    string State,
    string Phase,
    string Intent,
    bool HasImage,
    bool GreetingAdded,
    ProfileModel Profile,
    IReadOnlyList<ProductLineModel> Products,
    DeliveryFieldsModel Delivery,
    PaymentModel? Payment,
    OrderModel? Order,
    string? Escalation,
    IReadOnlyList<string> Draft);
