using Mirt.Rules.Catalog;

namespace Mirt.Rules.Upsell;

/// <summary>
/// Describes the one soft upsell offered after payment (see <c>shared/DOMAIN.md</c>, Upsell).
/// </summary>
/// <param name="Kind">The kind of upsell.</param>
/// <param name="Product">The model to offer.</param>
/// <param name="Color">The canonical colour to offer, or <see langword="null"/> when any colour of the model will do.</param>
public sealed record UpsellSuggestion(UpsellKind Kind, Product Product, string? Color);
