namespace Mirt.Nodes.Compose.Contract;

/// <summary>
/// Names one product the model's reply talks about; the catalog, not the model, supplies its name and price.
/// </summary>
/// <param name="Sku">The colour variant's SKU as in the catalog, for example <c>ANNA-PINK</c>.</param>
/// <param name="Size">The size label, for example <c>122-128</c>, or <see langword="null"/> while none is chosen.</param>
/// <param name="Color">The canonical colour of the SKU, or <see langword="null"/>.</param>
public sealed record ProposedProduct(string Sku, string? Size, string? Color);
