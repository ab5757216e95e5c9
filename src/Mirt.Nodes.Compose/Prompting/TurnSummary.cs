using Mirt.Nodes.Abstractions.State;

namespace Mirt.Nodes.Compose.Prompting;

/// <summary>
/// Summarises where the rule flow left the turn: the facts the model must keep and the draft it may rephrase. It
/// round-trips through System.Text.Json, so prompt authors can keep samples in files.
/// </summary>
/// <param name="State">The conversation state the rule flow reached (wire name).</param>
/// <param name="Phase">The dialog phase where the next message resumes (wire name).</param>
/// <param name="Intent">The intent the rules detected (wire name).</param>
/// <param name="Profile">What the customer wants so far: category, model, child's height, colour.</param>
/// <param name="Products">The products the rule flow showed or sold this turn, with catalog prices.</param>
/// <param name="Delivery">The delivery data collected so far; the prompt shows only which fields are present.</param>
/// <param name="PaymentMethod">The chosen payment option's wire name, or <see langword="null"/>.</param>
/// <param name="Order">The conversation's order, once created.</param>
/// <param name="Escalation">The escalation the rules raised this turn, or <see langword="null"/>.</param>
/// <param name="Draft">The rule-only reply, one string per bubble.</param>
/// <param name="DraftTemplates">The templates that rendered the draft.</param>
public sealed record TurnSummary(
    string State,
    string Phase,
    string Intent,
    SalesProfile Profile,
    IReadOnlyList<ProductLine> Products,
    DeliveryData Delivery,
    string? PaymentMethod,
    OrderRecord? Order,
    Escalation? Escalation,
    IReadOnlyList<string> Draft,
    IReadOnlyList<string> DraftTemplates)
{
    /// <summary>Gets a value indicating whether the reply node will put the day's greeting line before the reply,
    /// so the model must not greet again.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool GreetingAdded { get; init; }

    /// <summary>Gets a value indicating whether the customer's message came with a photo.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool HasImage { get; init; }
}
