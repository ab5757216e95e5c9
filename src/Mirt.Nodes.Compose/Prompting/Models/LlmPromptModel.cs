namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Serves as the model of every <c>llm/</c> prompt template except the repair request: the shop's facts, the
/// catalog, the size grid, the turn's state summary and the reply limits.
/// </summary>
/// <param name="Shop">The persona, emoji and payment terms.</param>
/// <param name="Catalog">Every model with its sizes, prices, colours and SKUs, in catalog order.</param>
/// <param name="Grid">The size grid, smallest first.</param>
/// <param name="Turn">Where the rule flow left the turn, with its draft.</param>
/// <param name="Limits">The reply limits.</param>
public sealed record LlmPromptModel(
    ShopFactsModel Shop,
    IReadOnlyList<CatalogProductModel> Catalog,
    GridModel Grid,
    TurnModel Turn,
    LimitsModel Limits);
