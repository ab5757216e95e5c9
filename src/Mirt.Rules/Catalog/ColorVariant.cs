namespace Mirt.Rules.Catalog;

/// <summary>
/// Describes one colour a model is sold in (see <c>shared/DOMAIN.md</c>, Catalog).
/// </summary>
/// <param name="Color">The canonical Ukrainian colour name, as in <c>Data/colors.json</c>.</param>
/// <param name="Sku">The stock-keeping unit of this colour variant, ASCII, unique across the catalog (for example <c>ANNA-PINK</c>).</param>
/// <param name="PhotoUrl">The absolute https URL of the variant's photo.</param>
public sealed record ColorVariant(string Color, string Sku, string PhotoUrl);
