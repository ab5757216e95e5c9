namespace Mirt.Nodes.Compose.Contract;

/// <summary>
/// Carries the model's answer for one turn, as the JSON schema in <see cref="StructuredReplySchema"/> describes it.
/// Nothing in it is trusted before <see cref="Validation.StructuredReplyValidator"/> has checked it.
/// </summary>
/// <param name="Replies">The chat bubbles to send, in order; each at most 900 UTF-8 bytes.</param>
/// <param name="State">The conversation state the model believes the turn ends in (wire name).</param>
/// <param name="Intent">The intent the model read in the customer's message (wire name).</param>
/// <param name="Products">The products the reply talks about, by catalog SKU.</param>
/// <param name="Customer">The delivery data fields the model read in the customer's message.</param>
/// <param name="Escalation">The escalation the model asks for, or <see langword="null"/>.</param>
/// <param name="Confidence">How sure the model is of the reply, from 0 to 1.</param>
public sealed record StructuredReply(
    IReadOnlyList<string> Replies,
    string State,
    string Intent,
    IReadOnlyList<ProposedProduct> Products,
    ProposedCustomer Customer,
    ProposedEscalation? Escalation,
    double Confidence);
