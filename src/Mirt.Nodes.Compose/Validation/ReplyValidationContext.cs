using Mirt.Nodes.Abstractions.Flow;

namespace Mirt.Nodes.Compose.Validation;

/// <summary>
/// Gives <see cref="StructuredReplyValidator"/> the facts of the turn a model answer must agree with. The rules' facts
/// are authoritative: the catalog, the state the rule flow reached, the child's height, the amounts in play.
/// </summary>
/// <param name="Shop">The catalog (SKUs, sizes, prices, grid) and the shop profile (name, emoji).</param>
/// <param name="RuleState">The conversation state the rule flow reached this turn (wire name).</param>
/// <param name="CanMove">The sales state machine's check of a one-step move.</param>
/// <param name="HeightCm">The child's height in cm when known; sizes must then follow the grid rule.</param>
/// <param name="Draft">The rule-only reply bubbles the model was asked to improve.</param>
public sealed record ReplyValidationContext(
    ShopData Shop,
    string RuleState,
    PermittedTransition CanMove,
    int? HeightCm,
    IReadOnlyList<string> Draft)
{
    /// <summary>Gets the amounts in UAH a reply may name besides the catalog prices of the products it names or
    /// proposes: the draft's amounts, the selected product's price, payment quotes, order totals, the prepayment and
    /// the carrier's fixed fee.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyCollection<decimal> AllowedAmounts { get; init; } = [];

    /// <summary>Gets texts that must appear exactly as written in the reply (requisites, an order number) because
    /// the draft carries them and a changed digit costs the customer money.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<string> ProtectedFacts { get; init; } = [];

    /// <summary>Gets the names of the templates of the graph and of the prompt; none may appear in a bubble.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<string> TemplateNames { get; init; } = [];

    /// <summary>Gets the instructions the model was given; no run of eight consecutive
    /// words of them may appear in a bubble.</summary>
    /// <value>The default is empty.</value>
    public string InstructionText { get; init; } = string.Empty;

    /// <summary>Gets the most bubbles a reply may have.</summary>
    /// <value>The default is 6.</value>
    public int MaxBubbles { get; init; } = 6;

    /// <summary>Gets the most UTF-8 bytes of one bubble.</summary>
    /// <value>The default is 900 (Instagram drops text over 1000 bytes).</value>
    public int MaxBubbleBytes { get; init; } = 900;
}
