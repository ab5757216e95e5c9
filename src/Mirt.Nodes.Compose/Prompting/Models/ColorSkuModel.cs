namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Gives prompt templates one colour of a model with its SKU.
/// </summary>
/// <param name="Color">The canonical Ukrainian colour name.</param>
/// <param name="Sku">The SKU of the colour variant.</param>
public sealed record ColorSkuModel(string Color, string Sku);
