namespace Mirt.Nodes.Abstractions.State;

/// <summary>
/// Describes one product the bot shows or sells: a model in a size and colour at its catalog price.
/// </summary>
/// <param name="Sku">The colour variant's SKU, or <see langword="null"/> while no colour is chosen.</param>
/// <param name="Name">The model name as in the catalog.</param>
/// <param name="Size">The size label (height range or single size).</param>
/// <param name="Color">The canonical colour, or <see langword="null"/> while none is chosen.</param>
/// <param name="PriceUah">The catalog price for that size, in UAH.</param>
public sealed record ProductLine(string? Sku, string Name, string Size, string? Color, decimal PriceUah);
