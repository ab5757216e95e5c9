namespace Mirt.Nodes.Compose.Validation;

/// <summary>
/// Names the rules <see cref="StructuredReplyValidator"/> checks, as stable lower-case words for logs and tests.
/// </summary>
public static class ReplyRules
{
    /// <summary>Gets the rule that the answer is JSON matching <see cref="Contract.StructuredReplySchema"/>.</summary>
    public const string Schema = "schema";

    /// <summary>Gets the rule on bubble count, size and form (no markdown).</summary>
    public const string Bubbles = "bubbles";

    /// <summary>Gets the rule that every SKU exists and its colour matches.</summary>
    public const string Catalog = "catalog";

    /// <summary>Gets the rule that a size exists and fits the child's height by the grid rule.</summary>
    public const string Size = "size";

    /// <summary>Gets the rule that every amount in UAH is a catalog price or a payment figure in play.</summary>
    public const string Price = "price";

    /// <summary>Gets the rule that payment requisites and order numbers are copied exactly.</summary>
    public const string Facts = "facts";

    /// <summary>Gets the rule that the state is the rules' state or a permitted move from it.</summary>
    public const string State = "state";

    /// <summary>Gets the rule that bubbles are Ukrainian (Latin only for SKUs and brand names) with the shop's emoji.</summary>
    public const string Language = "language";

    /// <summary>Gets the rule that no internal identifier, template syntax or instruction text reaches the customer.</summary>
    public const string Leak = "leak";
}
