namespace Mirt.Nodes.Compose.Prompting.Models;

/// <summary>
/// Gives prompt templates one product shown or sold this turn.
/// </summary>
/// <param name="Sku">The SKU, or <see langword="null"/> while no colour is chosen.</param>
/// <param name="Name">The model's name.</param>
/// <param name="Size">The size label.</param>
/// <param name="Color">The colour, or <see langword="null"/>.</param>
/// <param name="PriceUah">The catalog price for the size, in UAH.</param>
public sealed record ProductLineModel(string? Sku, string Name, string Size, string? Color, decimal PriceUah);
