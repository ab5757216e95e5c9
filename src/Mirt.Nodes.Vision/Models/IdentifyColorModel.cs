namespace Mirt.Nodes.Vision.Models;

/// <summary>
/// Describes one colour variant to the vision model.
/// </summary>
/// <param name="Color">The canonical colour name.</param>
/// <param name="Sku">The variant's SKU, which the model answers with.</param>
public sealed record IdentifyColorModel(string Color, string Sku);
